# R side of bench/forecast-m3.mts: R's forecast package (ets, auto.arima, thetaf) on the M3 series the Node script
# selects, fitted on the training part. Writes per series and method the forecasts (mean, 80% and 95% bounds) and
# the seconds taken (wall and CPU); the Node script scores both sides with the same code.
# Usage (run by bench/forecast-m3.mts): Rscript bench/forecast-m3-r.R INPUT.json OUTPUT.json
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
input <- fromJSON(args[1], simplifyVector = FALSE)
bands <- function(f) list(point = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
                          lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
cpu <- function(t) t[["user.self"]] + t[["sys.self"]]
timed <- function(expr) {
  t0 <- proc.time()
  value <- tryCatch(expr, error = function(e) NULL)
  t1 <- proc.time()
  list(value = value, seconds = t1[["elapsed"]] - t0[["elapsed"]], cpu = cpu(t1) - cpu(t0))
}
out <- lapply(input$series, function(s) {
  y <- ts(unlist(s$train), frequency = s$m)
  h <- s$h
  e <- timed(bands(forecast(ets(y), h = h, level = c(80, 95))))
  a <- timed(bands(forecast(auto.arima(y), h = h, level = c(80, 95))))
  t <- timed(bands(thetaf(y, h = h, level = c(80, 95))))
  list(id = s$id, ets = c(e$value, seconds = e$seconds, cpu = e$cpu), auto_arima = c(a$value, seconds = a$seconds, cpu = a$cpu),
       thetaf = c(t$value, seconds = t$seconds, cpu = t$cpu))
})
writeLines(toJSON(list(r = R.version.string, forecast = as.character(packageVersion("forecast")), series = out), digits = NA, auto_unbox = TRUE), args[2])
