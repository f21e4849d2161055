# R side of the forecasting benchmarks (bench/forecast-m3.mts, bench/forecast-short.mts): R's forecast package on
# the series the Node script selects, fitted on the training part. Writes per series and method the forecasts (mean,
# 80% and 95% bounds) and the seconds taken (wall and CPU); the Node script scores both sides with the same code.
# Methods: input$methods, any of ets, auto_arima, thetaf, rwf_drift (default: the first three).
# Usage (run by the Node scripts): Rscript bench/forecast-m3-r.R INPUT.json OUTPUT.json
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
input <- fromJSON(args[1], simplifyVector = FALSE)
methods <- if (is.null(input$methods)) c("ets", "auto_arima", "thetaf") else unlist(input$methods)
bands <- function(f) list(point = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
                          lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
cpu <- function(t) t[["user.self"]] + t[["sys.self"]]
timed <- function(expr) {
  t0 <- proc.time()
  value <- tryCatch(expr, error = function(e) NULL)
  t1 <- proc.time()
  c(value, seconds = t1[["elapsed"]] - t0[["elapsed"]], cpu = cpu(t1) - cpu(t0))
}
run <- list(
  ets = function(y, h) timed(bands(forecast(ets(y), h = h, level = c(80, 95)))),
  auto_arima = function(y, h) timed(bands(forecast(auto.arima(y), h = h, level = c(80, 95)))),
  thetaf = function(y, h) timed(bands(thetaf(y, h = h, level = c(80, 95)))),
  rwf_drift = function(y, h) timed(bands(rwf(y, h = h, drift = TRUE, level = c(80, 95))))
)
out <- lapply(input$series, function(s) {
  y <- ts(unlist(s$train), frequency = s$m)
  c(list(id = s$id), setNames(lapply(methods, function(m) run[[m]](y, s$h)), methods))
})
writeLines(toJSON(list(r = R.version.string, forecast = as.character(packageVersion("forecast")), series = out), digits = NA, auto_unbox = TRUE), args[2])
