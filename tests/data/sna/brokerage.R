# Reference brokerage counts (Gould & Fernandez 1989) from R's sna package,
# for netmap's brokerage tests. Outside authority: sna::brokerage.
#
# Regenerate (from the repository root):
#   Rscript tests/data/sna/brokerage.R > tests/data/sna/brokerage_R_output.txt 2>&1
#
# Needs R with the 'sna' and 'network' packages (Debian: apt-get install r-cran-sna).
# Output files are written next to this script, whatever the working directory.
#
# Datasets: Drabek et al. (1981) emergent multi-organizational networks (EMONs),
# shipped as network::emon. Group = vertex attribute "Sponsorship".
#   emon_wichita_undirected : Wichita Falls EMON, made undirected (a pair is tied if
#                             either organisation reported interaction = weak
#                             symmetrisation); every undirected tie = two arcs.
#   emon_cheyenne_directed  : Cheyenne EMON, directed as published.
# The Frequency edge value is ignored: any reported interaction is an arc.

suppressPackageStartupMessages({
  library(network)
  library(sna)
})

# Directory of this script (works with Rscript --file=...).
args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd()
cat("Output directory:", out_dir, "\n\n")

data(emon, package = "network")

write_plain_csv <- function(df, path) {
  # No commas, quotes or newlines in any field, so no quoting is needed.
  for (col in names(df)) {
    stopifnot(!any(grepl("[,\"\r\n]", as.character(df[[col]]))))
  }
  write.csv(df, path, row.names = FALSE, quote = FALSE, fileEncoding = "UTF-8")
}

# Brute-force brokerage for an adjacency matrix A (0/1, diagonal ignored) and group
# vector cl. condition: "none" = every two-path a->b->c (a, b, c distinct);
# "no_ac" = only when there is no arc a->c; "no_ac_no_ca" = only when a and c are
# not adjacent in either direction.
brute_brokerage <- function(A, cl, condition) {
  n <- nrow(A)
  out <- matrix(0, n, 6, dimnames = list(rownames(A),
                                         c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")))
  for (b in seq_len(n)) for (a in seq_len(n)) for (c in seq_len(n)) {
    if (a == b || b == c || a == c) next
    if (A[a, b] == 0 || A[b, c] == 0) next
    if (condition == "no_ac" && A[a, c] != 0) next
    if (condition == "no_ac_no_ca" && (A[a, c] != 0 || A[c, a] != 0)) next
    ga <- cl[a]; gb <- cl[b]; gc <- cl[c]
    role <- if (ga == gb && gb == gc) "w_I"
      else if (ga == gc && ga != gb) "w_O"
      else if (ga == gb && gb != gc) "b_IO"
      else if (gb == gc && ga != gb) "b_OI"
      else "b_O"
    out[b, role] <- out[b, role] + 1
    out[b, "t"] <- out[b, "t"] + 1
  }
  out
}

run_one <- function(name, A, cl) {
  cat("==================================================================\n")
  cat("Dataset:", name, "\n")
  ids <- rownames(A)
  stopifnot(!is.null(ids), !anyDuplicated(ids), identical(ids, colnames(A)))
  diag(A) <- 0
  cat("actors:", nrow(A), " arcs:", sum(A), " symmetric:", isSymmetric(unname(A)),
      " isolates:", sum(rowSums(A) + colSums(A) == 0), "\n")
  cat("groups:\n"); print(table(cl))

  # Arcs, one row per arc (an undirected tie appears as two arcs).
  idx <- which(A != 0, arr.ind = TRUE)
  idx <- idx[order(idx[, 1], idx[, 2]), , drop = FALSE]
  arcs <- data.frame(source = ids[idx[, 1]], target = ids[idx[, 2]])
  write_plain_csv(arcs, file.path(out_dir, paste0(name, "_arcs.csv")))

  if (isSymmetric(unname(A))) {
    # Each undirected tie once (row-order of the vertex list: source before target).
    up <- idx[idx[, 1] < idx[, 2], , drop = FALSE]
    edges <- data.frame(source = ids[up[, 1]], target = ids[up[, 2]])
    write_plain_csv(edges, file.path(out_dir, paste0(name, "_edges.csv")))
    cat("undirected ties:", nrow(edges), "\n")
  }

  # Groups, every actor (isolates included), in vertex order.
  write_plain_csv(data.frame(id = ids, group = cl),
                  file.path(out_dir, paste0(name, "_groups.csv")))

  # sna::brokerage on the (directed) adjacency matrix.
  br <- sna::brokerage(A, cl)
  raw <- br$raw.nli
  rownames(raw) <- ids
  cat("\nsna::brokerage(A, cl)$raw.nli:\n"); print(raw)
  cat("\nsna::brokerage(A, cl)$raw.gli (network totals):\n"); print(br$raw.gli)
  res <- data.frame(id = ids, raw, check.names = FALSE, row.names = NULL)
  write_plain_csv(res, file.path(out_dir, paste0(name, "_brokerage_sna.csv")))

  # Which two-paths does sna count? Compare against three brute-force rules.
  cat("\nBrute-force comparison (all six columns, every actor):\n")
  for (cond in c("none", "no_ac", "no_ac_no_ca")) {
    bf <- brute_brokerage(A, cl, cond)
    cat(sprintf("  rule %-12s identical to sna: %-5s  (network total t: brute %d, sna %d)\n",
                cond, isTRUE(all.equal(unname(bf), unname(raw))),
                as.integer(sum(bf[, "t"])), as.integer(sum(raw[, "t"]))))
  }
  cat("actors with b_IO != b_OI:", sum(raw[, "b_IO"] != raw[, "b_OI"]), "\n\n")
  invisible(raw)
}

# (a) Undirected: Wichita Falls EMON, weakly symmetrised.
g <- emon$Wichita
A <- as.sociomatrix(g)                      # 0/1, Frequency ignored
dimnames(A) <- list(g %v% "vertex.names", g %v% "vertex.names")
A <- (A + t(A) > 0) * 1
raw_a <- run_one("emon_wichita_undirected", A, g %v% "Sponsorship")
stopifnot(all(raw_a[, "b_IO"] == raw_a[, "b_OI"]))   # must hold when symmetric

# (b) Directed: Cheyenne EMON as published.
g <- emon$Cheyenne
A <- as.sociomatrix(g)
dimnames(A) <- list(g %v% "vertex.names", g %v% "vertex.names")
raw_b <- run_one("emon_cheyenne_directed", A, g %v% "Sponsorship")
stopifnot(any(raw_b[, "b_IO"] != raw_b[, "b_OI"]))

cat("==================================================================\n")
print(sessionInfo())
cat("\nsna version:", as.character(packageVersion("sna")),
    " network version:", as.character(packageVersion("network")), "\n")
