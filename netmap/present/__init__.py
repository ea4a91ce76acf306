"""The presentation layer: the only place that turns results into labelled, translated text.

``vocab`` holds the names of every code (sectors, kinds, flags, columns); ``report`` says an
analysis in words. The command line, the HTML map and the app only lay these out.
"""
