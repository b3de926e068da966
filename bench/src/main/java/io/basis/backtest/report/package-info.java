/**
 * The result model of a backtest and every file written from it: the JSON report ({@link
 * io.basis.backtest.report.ReportJson}), the per-cycle CSV ({@link io.basis.backtest.report.CycleCsv}), the PNG
 * charts ({@link io.basis.backtest.report.Charts}), the markdown summary ({@link io.basis.backtest.report.Summary})
 * and the terminal progress line ({@link io.basis.backtest.report.ProgressBar}).
 * <p>
 * The model is immutable and the writers are deterministic: the same {@link
 * io.basis.backtest.report.BacktestReport} always gives byte-identical files, apart from the two timings of the run
 * in the JSON ({@link io.basis.backtest.report.BacktestReport#withoutTimings()} clears them). Not a hot path: the
 * writers allocate freely. The files are described in {@code docs/backtest.md}, section "Output".
 */
package io.basis.backtest.report;
