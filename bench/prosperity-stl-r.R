# R side of bench/prosperity.mts: times R's stl() on the series the Node script times ours on (the STL test cases:
# R's own datasets), REPS calls each, inside one R process (start-up not counted). Prints JSON: per case the
# seconds per call (wall and CPU).
# Usage (run by bench/prosperity.mts): Rscript bench/prosperity-stl-r.R INPUT.json REPS
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
cases <- fromJSON(args[1], simplifyVector = FALSE)$cases
reps <- as.integer(args[2])
cpu <- function(t) t[["user.self"]] + t[["sys.self"]]
out <- lapply(names(cases), function(name) {
  cs <- cases[[name]]
  x <- ts(unlist(cs$y), frequency = cs$period)
  a <- cs$options
  invisible(do.call(stl, c(list(x = x), a)))  # warm-up
  t0 <- proc.time()
  for (i in seq_len(reps)) invisible(do.call(stl, c(list(x = x), a)))
  t1 <- proc.time()
  list(name = name, n = length(x), seconds = (t1[["elapsed"]] - t0[["elapsed"]]) / reps, cpu = (cpu(t1) - cpu(t0)) / reps)
})
cat(toJSON(list(r = R.version.string, cases = out), digits = NA, auto_unbox = TRUE))
