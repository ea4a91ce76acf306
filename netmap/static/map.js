(function(){"use strict";
var data=JSON.parse(document.getElementById("netmap-data").textContent);
var T=data.text,labels=new Map(),names=new Map();
function fmt(tpl,vals){return tpl.replace(/\{(\w+)\}/g,function(m,k){
return Object.prototype.hasOwnProperty.call(vals,k)?String(vals[k]):m;});}
function nodeTip(n){var p=n.tip,L=[n.name];
if(p.k){L.push(fmt(T.tip_kind,{v:p.k}));}
L.push(fmt(T.tip_place,{s:p.s,l:p.l,c:p.c}));
if(p.a){L.push(p.a);}
if("d" in p){L.push(fmt(T.tip_measures,{d:p.d,b:p.b,c:p.x}));}
if(p.p){L.push(T.tip_core);}
if(p.bs){L.push(T.tip_spanner);}
if(p.f){L.push(fmt(T.tip_flags,{v:p.f}));}
return L.concat(p.z||[]).join("\n");}
function edgeTip(e){var p=e.tip,L=[names.get(e.from)+(e.arrows?" \u2192 ":" \u2014 ")+names.get(e.to),
p.k+" \u00b7 "+fmt(T.tip_strength,{v:p.s})+(e.arrows?" \u00b7 "+T.tip_directed:"")];
if(p.st){L.push(p.st);}
if(p.n){L.push(fmt(T.tip_notes,{v:p.n}));}
return L.concat(p.z||[]).join("\n");}
// vis-network keeps nodes in plain objects keyed by id: an actor id that is a property of every
// object ("constructor", "toString", "__proto__") breaks it. Such an id is drawn under a key
// of its own (NUL before it; ids never hold control characters); netmapActorIds gives back the
// actor ids of drawn ids. Every lookup by id here is a Map or a Set.
var actorId=new Map();
function drawn(id){id=String(id);return (id in {})?"\u0000"+id:id;}
data.nodes.forEach(function(n){var d=drawn(n.id);actorId.set(d,n.id);n.id=d;});
data.edges.forEach(function(e){e.from=drawn(e.from);e.to=drawn(e.to);});
Object.keys(data.sets).forEach(function(k){data.sets[k]=data.sets[k].map(drawn);});
window.netmapActorIds=function(ids){return ids.map(function(id){return actorId.has(id)?actorId.get(id):id;});};
data.nodes.forEach(function(n){labels.set(n.id,n.label);names.set(n.id,n.name);n.title=nodeTip(n);delete n.tip;});
data.edges.forEach(function(e){e.title=edgeTip(e);delete e.tip;});
var nodes=new vis.DataSet(data.nodes),edges=new vis.DataSet(data.edges);
var network=new vis.Network(document.getElementById("graph"),{nodes:nodes,edges:edges},data.options);
window.netmapNetwork=network;
network.once("afterDrawing",function(){var h=document.documentElement;
h.setAttribute("data-drawn-ms",String(Math.round(performance.now())));h.setAttribute("data-drawn","true");});
function frame(){netmapFit(network);}
frame();document.documentElement.setAttribute("data-stable","true");
function say(text){document.getElementById("status").textContent=text;}
function dim(ids){var on=new Set(ids);
nodes.update(data.nodes.map(function(n){return {id:n.id,opacity:(!ids.length||on.has(n.id))?(n.opacity||1):0.2};}));}
function show(ids,text){network.unselectAll();dim(ids);network.selectNodes(ids);
if(ids.length===1){network.focus(ids[0],{scale:1.4,animation:false});}
else if(ids.length){network.fit({nodes:ids,animation:false});}
say(text);}
document.getElementById("find-form").addEventListener("submit",function(ev){ev.preventDefault();
var q=document.getElementById("find").value.trim().toLowerCase(),hit=null,j;
if(!q){return;}
for(j=0;j<data.nodes.length&&!hit;j++){if(data.nodes[j].name.toLowerCase()===q){hit=data.nodes[j];}}
for(j=0;j<data.nodes.length&&!hit;j++){if(data.nodes[j].name.toLowerCase().indexOf(q)>=0){hit=data.nodes[j];}}
if(!hit){say(T.not_found);return;}
show([hit.id],T.found+" "+hit.name);});
var boxes=document.querySelectorAll("input[data-sector]");
function filter(){var on=new Map();boxes.forEach(function(b){on.set(b.getAttribute("data-sector"),b.checked);});
nodes.update(data.nodes.map(function(n){return {id:n.id,hidden:!on.get(n.sector)};}));}
boxes.forEach(function(b){b.addEventListener("change",filter);});
var lab=document.getElementById("show-labels");
lab.addEventListener("change",function(){var on=lab.checked;
nodes.update(data.nodes.map(function(n){return {id:n.id,label:on?labels.get(n.id):""};}));});
document.querySelectorAll("button[data-set]").forEach(function(b){b.addEventListener("click",function(){
var k=b.getAttribute("data-set"),ids=Object.prototype.hasOwnProperty.call(data.sets,k)?data.sets[k]:[];
show(ids,T.selected+" "+ids.map(function(id){return names.get(id);}).join(", "));});});
document.getElementById("fit").addEventListener("click",function(){network.unselectAll();dim([]);frame();say("");});
})();
