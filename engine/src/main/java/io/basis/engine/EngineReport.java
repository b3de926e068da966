package io.basis.engine;

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
 * @param rejects           child orders rejected.
 * @param fillMismatches    reports whose CumQty disagreed with the booked fills.
 * @param positions         net position by symbol.
 */
public record EngineReport(
    long programsSent,
    long programsCompleted,
    long childOrders,
    long workingOrders,
    long fills,
    long rejects,
    long fillMismatches,
    Map<String, Long> positions)
{
    /**
     * @return the report as properties ({@code position.<SYMBOL>} per instrument), the format of the report file.
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
        positions.forEach((symbol, quantity) -> properties.setProperty("position." + symbol, Long.toString(quantity)));
        return properties;
    }
}
