# Builds the E-I fixture (arcs.csv, edges.csv, groups.csv) from the verbatim source
# files in source/, and recomputes the published E-I values by a plain hand count.
#
# Regenerate (from the repository root):
#   Rscript tests/data/ei/make_fixture.R > tests/data/ei/make_fixture_output.txt 2>&1
#
# Base R only.

args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd()

# Same reading as the source tutorial: read.table(sep=";", header, row.names=1).
A <- as.matrix(read.table(file.path(here, "source", "lazega_advice.csv"), sep = ";",
                          header = TRUE, row.names = 1, check.names = FALSE))
attrib <- read.csv2(file.path(here, "source", "lazega_attrib.csv"))
ids <- rownames(A)
stopifnot(nrow(A) == 71, identical(ids, colnames(A)), identical(ids, as.character(attrib$ID)))
diag(A) <- 0
office <- as.character(attrib$office)

# Directed advice arcs as published in the source file (row asks column for advice).
idx <- which(A != 0, arr.ind = TRUE)
idx <- idx[order(idx[, 1], idx[, 2]), , drop = FALSE]
write.csv(data.frame(source = ids[idx[, 1]], target = ids[idx[, 2]]),
          file.path(here, "arcs.csv"), row.names = FALSE, quote = FALSE)

# Simple undirected graph: a pair is tied if either arc exists ("weak" rule, as
# sna::symmetrize's default used by the tutorial, and as netmap's simple graph).
S <- ((A + t(A)) > 0) * 1
up <- which(upper.tri(S) & S == 1, arr.ind = TRUE)
up <- up[order(up[, 1], up[, 2]), , drop = FALSE]
write.csv(data.frame(source = ids[up[, 1]], target = ids[up[, 2]]),
          file.path(here, "edges.csv"), row.names = FALSE, quote = FALSE)

write.csv(data.frame(id = ids, group = office),
          file.path(here, "groups.csv"), row.names = FALSE, quote = FALSE)

cat("actors:", length(ids), " arcs:", sum(A), " undirected ties:", nrow(up),
    " isolates:", sum(rowSums(S) == 0), "\n")
same <- office[up[, 1]] == office[up[, 2]]
E <- sum(!same); I <- sum(same)
cat(sprintf("whole network: E = %d  I = %d  E-I = %.7f\n", E, I, (E - I) / (E + I)))
N <- length(ids); n <- table(office)
cat(sprintf("whole network, expected from group sizes: %.7f\n",
            (N^2 - 2 * sum(n^2) + N) / (N * (N - 1))))
for (g in names(n)) {
  m <- office == g
  Eg <- sum(S[m, !m]); Ig <- sum(S[m, m])  # Ig: each internal tie counted from both ends
  cat(sprintf("office %s: size %d  E = %d  I = %d  E-I = %.7f  expected %.7f\n",
              g, sum(m), Eg, Ig, (Eg - Ig) / (Eg + Ig), (N - 2 * sum(m) + 1) / (N - 1)))
}
cat("\n"); print(sessionInfo()[c("R.version")]$R.version$version.string)
