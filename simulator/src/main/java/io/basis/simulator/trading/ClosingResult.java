package io.basis.simulator.trading;

import java.util.Map;

/**
 * The day's close: closing prices, the index computed from the constituents' closing prices, and on the future's
 * last trading day its final settlement price (= that index, as KRX settles KOSPI200 futures on the closing
 * auction).
 *
 * @param closingPrices         scaled closing price per symbol: the closing-auction price if it executed,
 *                              else the last trade, else prevClose.
 * @param closingIndex          scaled index from the closing prices, rounded half up to 0.01 point.
 * @param finalSettlementPrice  scaled final settlement of the future, or 0 if today is not its last trading day.
 * @param future                the index future's symbol.
 */
public record ClosingResult(
    Map<String, Long> closingPrices, long closingIndex, long finalSettlementPrice, String future)
{
    /**
     * @return true if the future expired today.
     */
    public boolean expiry()
    {
        return finalSettlementPrice != 0;
    }
}
