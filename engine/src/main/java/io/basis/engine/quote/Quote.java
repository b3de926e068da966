package io.basis.engine.quote;

import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.NoArbitrageBounds;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.ReferenceData;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The valuation of a static snapshot of books, as a desk's what-if: everything the engine computes at a tick,
 * plus the largest size at which each direction still pays, the band on mid prices beside the executable one and
 * each cost of either bound, in points and in currency per program.
 */
public final class Quote
{
    private final ReferenceData referenceData;
    private final LocalDate tradeDate;
    private final OrderBook[] books;
    private final ModelLimits limits;

    /**
     * @param referenceData the index.
     * @param tradeDate     trading date.
     * @param books         books indexed by engine instrument id.
     * @param limits        bands of plausible inputs.
     */
    public Quote(
        final ReferenceData referenceData, final LocalDate tradeDate, final OrderBook[] books, final ModelLimits limits)
    {
        this.referenceData = referenceData;
        this.tradeDate = tradeDate;
        this.books = books;
        this.limits = limits;
    }

    /**
     * Value the books for n contracts.
     *
     * @param contracts n.
     * @return the valuation.
     */
    public Valuation valuation(final long contracts)
    {
        final Valuation valuation = Valuation.forTradeDate(referenceData, tradeDate, contracts, limits);
        for (int id = 0; id < books.length; id++)
        {
            valuation.onBookUpdate(id, books[id]);
        }
        return valuation;
    }

    /**
     * The largest size at which a direction pays after costs, searching sizes upward until the visible depth of
     * some leg runs out (edges need not fall monotonically: lot rounding changes the basket a little each step).
     *
     * @param cashAndCarry the direction.
     * @param limit        largest size to try.
     * @return contracts, 0 if no size pays.
     */
    public long maxContracts(final boolean cashAndCarry, final long limit)
    {
        long best = 0;
        for (long n = 1; n <= limit; n++)
        {
            final Valuation valuation = valuation(n);
            if (valuation.modelState() == ModelState.BOOKS_INCOMPLETE)
            {
                break;
            }
            final double edge = cashAndCarry ? valuation.edgeCashAndCarry() : valuation.edgeReverse();
            if (valuation.modelState() == ModelState.VALID && edge > 0)
            {
                best = n;
            }
        }
        return best;
    }

    /**
     * The band a valuation at mid would give: the same bounds with the index at mid in place of the executable
     * levels, so that its distance to the executable band is what walking the books for the size costs.
     *
     * @param valuation a valuation of these books.
     * @return its bounds computed on mid prices.
     */
    public static NoArbitrageBounds midBounds(final Valuation valuation)
    {
        final NoArbitrageBounds executable = valuation.bounds();
        final NoArbitrageBounds mid = new NoArbitrageBounds(executable.costs(), executable.expiryCosts(),
            executable.rates(), executable.yearFraction(), executable.dividends());
        mid.compute(valuation.indexMid(), valuation.indexMid(), valuation.indexMid(), valuation.futureMid(),
            valuation.borrowNeeded());
        return mid;
    }

    /**
     * @param contracts n.
     * @param limit     largest size to try for the maximum profitable size.
     * @return the whole valuation as JSON.
     */
    public String toJson(final long contracts, final long limit)
    {
        final Valuation v = valuation(contracts);
        final boolean valid = v.modelState() == ModelState.VALID;
        final NoArbitrageBounds b = v.bounds();
        final long maxCashAndCarry = maxContracts(true, limit);
        final long maxReverse = maxContracts(false, limit);
        final NoArbitrageBounds mid = midBounds(v);
        final StringBuilder json = new StringBuilder(2048).append("{\n");
        text(json, "index", referenceData.indexName());
        text(json, "tradeDate", tradeDate.toString());
        text(json, "stockSettlement", referenceData.stockSettlement(tradeDate).toString());
        text(json, "futureSettlement", referenceData.finalSettlement().toString());
        text(json, "lastTradingDay", referenceData.lastTradingDay().toString());
        number(json, "daysToSettlement",
            ChronoUnit.DAYS.between(referenceData.stockSettlement(tradeDate), referenceData.finalSettlement()));
        number(json, "yearFraction", v.fairValueModel().yearFraction());
        text(json, "modelState", v.modelState().name());
        number(json, "contracts", contracts);
        number(json, "hedgeContracts", v.fairValueModel().tailedHedge(contracts));
        number(json, "indexMid", valid ? v.indexMid() : Double.NaN);
        number(json, "indexAskExec", valid ? v.indexAskExec() : Double.NaN);
        number(json, "indexBidExec", valid ? v.indexBidExec() : Double.NaN);
        number(json, "futureMid", valid ? v.futureMid() : Double.NaN);
        number(json, "futureBidExec", valid ? v.futureBidExec() : Double.NaN);
        number(json, "futureAskExec", valid ? v.futureAskExec() : Double.NaN);
        number(json, "fairValue", valid ? v.fairValue() : Double.NaN);
        number(json, "upperBound", valid ? v.upperBound() : Double.NaN);
        number(json, "lowerBound", valid ? v.lowerBound() : Double.NaN);
        number(json, "upperBoundMid", valid ? mid.upper() : Double.NaN);
        number(json, "lowerBoundMid", valid ? mid.lower() : Double.NaN);
        number(json, "execBasisCashAndCarry", valid ? v.execBasisCashAndCarry() : Double.NaN);
        number(json, "execBasisReverse", valid ? v.execBasisReverse() : Double.NaN);
        number(json, "edgeCashAndCarry", valid ? v.edgeCashAndCarry() : Double.NaN);
        number(json, "edgeReverse", valid ? v.edgeReverse() : Double.NaN);
        number(json, "maxContractsCashAndCarry", maxCashAndCarry);
        number(json, "maxContractsReverse", maxReverse);
        number(json, "maxContracts", Math.max(maxCashAndCarry, maxReverse));
        bandCosts(json, v, valid, contracts);
        json.append("  \"costs\": {\n");
        json.append("    \"dividendsFutureValue\": ").append(format(b.dividends())).append(",\n");
        json.append("    \"financingCashAndCarry\": ").append(format(valid ? b.financingCashAndCarry() : Double.NaN))
            .append(",\n");
        json.append("    \"financingReverse\": ").append(format(valid ? b.financingReverse() : Double.NaN))
            .append(",\n");
        json.append("    \"basketCostsCashAndCarry\": ").append(format(valid ? b.basketCostsCashAndCarry() : Double.NaN))
            .append(",\n");
        json.append("    \"basketCostsReverse\": ").append(format(valid ? b.basketCostsReverse() : Double.NaN))
            .append(",\n");
        json.append("    \"borrowFee\": ").append(format(valid ? b.borrowCost() : Double.NaN)).append(",\n");
        json.append("    \"futuresCommissions\": ").append(format(valid ? b.futuresCosts() : Double.NaN)).append(",\n");
        json.append("    \"futuresSlippage\": ").append(format(b.costs().futuresSlippage())).append(",\n");
        json.append("    \"trackingErrorBuffer\": ").append(format(b.costs().trackingError())).append(",\n");
        json.append("    \"rates\": {\"rate\": ").append(referenceData.rates().rate())
            .append(", \"borrowRate\": ").append(referenceData.rates().borrowRate())
            .append(", \"lendRate\": ").append(referenceData.rates().lendRate()).append("},\n");
        json.append("    \"proportional\": {\"stockCommission\": ").append(b.costs().stockCommission())
            .append(", \"futuresCommission\": ").append(b.costs().futuresCommission())
            .append(", \"sellTax\": ").append(b.costs().sellTax())
            .append(", \"sellTaxOnLastTradingDay\": ").append(b.expiryCosts().sellTax())
            .append(", \"buyTax\": ").append(b.costs().buyTax())
            .append(", \"buyTaxOnLastTradingDay\": ").append(b.expiryCosts().buyTax())
            .append(", \"impactIn\": ").append(b.costs().impactIn())
            .append(", \"impactOut\": ").append(b.costs().impactOut())
            .append(", \"borrowFeeAnnual\": ").append(b.costs().borrowFee()).append("}\n");
        json.append("  }\n}\n");
        return json.toString();
    }

    /**
     * Each cost of either bound, in points and in the future's currency for the program of n contracts.
     */
    private void bandCosts(final StringBuilder json, final Valuation v, final boolean valid, final long contracts)
    {
        final double perPoint = (double)referenceData.future().multiplier() * contracts;
        json.append("  \"bandCosts\": {\n");
        json.append("    \"currencyPerPoint\": ").append(money(perPoint)).append(",\n");
        direction(json, "cashAndCarry", valid ? BandCosts.cashAndCarry(v) : null, perPoint);
        json.append(",\n");
        direction(json, "reverse", valid ? BandCosts.reverse(v) : null, perPoint);
        json.append("\n  },\n");
    }

    private static void direction(
        final StringBuilder json, final String name, final BandCosts costs, final double perPoint)
    {
        json.append("    \"").append(name).append("\": {\n");
        term(json, "bookWalk", costs == null ? Double.NaN : costs.bookWalk(), perPoint, false);
        term(json, "stockCommission", costs == null ? Double.NaN : costs.stockCommission(), perPoint, false);
        term(json, "tax", costs == null ? Double.NaN : costs.tax(), perPoint, false);
        term(json, "impact", costs == null ? Double.NaN : costs.impact(), perPoint, false);
        term(json, "futuresCommission", costs == null ? Double.NaN : costs.futuresCommission(), perPoint, false);
        term(json, "futuresSlippage", costs == null ? Double.NaN : costs.futuresSlippage(), perPoint, false);
        term(json, "financing", costs == null ? Double.NaN : costs.financing(), perPoint, false);
        term(json, "borrowFee", costs == null ? Double.NaN : costs.borrowFee(), perPoint, false);
        term(json, "trackingError", costs == null ? Double.NaN : costs.trackingError(), perPoint, false);
        term(json, "total", costs == null ? Double.NaN : costs.total(), perPoint, true);
        json.append("    }");
    }

    private static void term(
        final StringBuilder json, final String name, final double points, final double perPoint, final boolean last)
    {
        json.append("      \"").append(name).append("\": {\"points\": ").append(format(points))
            .append(", \"perProgram\": ").append(money(points * perPoint)).append(last ? "}\n" : "},\n");
    }

    private static void text(final StringBuilder json, final String name, final String value)
    {
        json.append("  \"").append(name).append("\": \"").append(value).append("\",\n");
    }

    private static void number(final StringBuilder json, final String name, final double value)
    {
        json.append("  \"").append(name).append("\": ").append(format(value)).append(",\n");
    }

    private static void number(final StringBuilder json, final String name, final long value)
    {
        json.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String money(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "null";
    }

    private static String format(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "null";
    }
}
