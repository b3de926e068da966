package io.basis.engine.status;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What an engine did, taken when it closed.
 *
 * @param programsSent      programs opened.
 * @param programsCompleted programs whose every leg reached a terminal state.
 * @param childOrders       child orders created.
 * @param workingOrders     child orders still not terminal.
 * @param fills             fills booked.
 * @param rejects           child orders rejected by the gateway or the exchange.
 * @param fillMismatches    reports whose CumQty disagreed with the booked fills.
 * @param positions         net position by symbol.
 * @param realizedPnl       P&L realized on closed quantity, before costs.
 * @param netPnl            realized plus unrealized (marked at mid) less commissions and taxes.
 * @param commissions       commissions paid.
 * @param taxes             transaction taxes paid.
 * @param riskRejects       pre-trade refusals by reason.
 * @param tradingState      ACTIVE, REDUCING or HALTED at close.
 * @param killReason        reason of the last automatic kill, or NONE.
 * @param leggedPrograms    programs that ended legged.
 * @param hedgesSent        futures hedges sent for legged programs.
 * @param repricedLegs      legs cancelled and sent again at a new price because their program legged.
 * @param programs          every completed program, in order.
 */
public record EngineReport(
    long programsSent,
    long programsCompleted,
    long childOrders,
    long workingOrders,
    long fills,
    long rejects,
    long fillMismatches,
    Map<String, Long> positions,
    double realizedPnl,
    double netPnl,
    double commissions,
    double taxes,
    Map<String, Long> riskRejects,
    String tradingState,
    String killReason,
    long leggedPrograms,
    long hedgesSent,
    long repricedLegs,
    java.util.List<EngineReport.ProgramRow> programs)
{
    /**
     * One completed program.
     *
     * @param programId    id.
     * @param direction    CASH_AND_CARRY or REVERSE.
     * @param kind         ARBITRAGE, MANUAL, HEDGE or LIQUIDATION.
     * @param state        COMPLETE, LEGGED or FAILED.
     * @param basketFilled share of the basket filled.
     * @param hedgeFilled  futures contracts filled.
     * @param cashFlow     sales less purchases, before costs.
     * @param costs        commissions and taxes.
     */
    public record ProgramRow(
        long programId,
        String direction,
        String kind,
        String state,
        double basketFilled,
        long hedgeFilled,
        double cashFlow,
        double costs)
    {
    }

    /**
     * @return the report as properties ({@code position.<SYMBOL>}, {@code riskReject.<REASON>}), the format of the
     *         report file.
     */
    public Properties toProperties()
    {
        final Properties properties = new Properties();
        properties.setProperty("programsSent", Long.toString(programsSent));
        properties.setProperty("programsCompleted", Long.toString(programsCompleted));
        properties.setProperty("childOrders", Long.toString(childOrders));
        properties.setProperty("workingOrders", Long.toString(workingOrders));
        properties.setProperty("fills", Long.toString(fills));
        properties.setProperty("rejects", Long.toString(rejects));
        properties.setProperty("fillMismatches", Long.toString(fillMismatches));
        properties.setProperty("realizedPnl", money(realizedPnl));
        properties.setProperty("netPnl", money(netPnl));
        properties.setProperty("commissions", money(commissions));
        properties.setProperty("taxes", money(taxes));
        properties.setProperty("tradingState", tradingState);
        properties.setProperty("killReason", killReason);
        properties.setProperty("leggedPrograms", Long.toString(leggedPrograms));
        properties.setProperty("hedgesSent", Long.toString(hedgesSent));
        properties.setProperty("repricedLegs", Long.toString(repricedLegs));
        positions.forEach((symbol, quantity) -> properties.setProperty("position." + symbol, Long.toString(quantity)));
        riskRejects.forEach((reason, count) -> properties.setProperty("riskReject." + reason, Long.toString(count)));
        for (int i = 0; i < programs.size(); i++)
        {
            final ProgramRow row = programs.get(i);
            properties.setProperty("program." + i, String.format(Locale.ROOT, "%d,%s,%s,%s,%.4f,%d,%.0f,%.0f",
                row.programId(), row.direction(), row.kind(), row.state(), row.basketFilled(), row.hedgeFilled(),
                row.cashFlow(), row.costs()));
        }
        return properties;
    }

    private static String money(final double value)
    {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
