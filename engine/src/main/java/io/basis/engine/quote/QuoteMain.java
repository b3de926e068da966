package io.basis.engine.quote;

import io.basis.engine.Arguments;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.ReferenceDataException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code ./basis quote --refdata DIR --books FILE [--contracts N]}: value a static snapshot of books and print
 * the whole valuation as JSON: the executable and mid bands and each cost of either bound. Books that cannot be
 * trusted are refused in one line (see {@link BooksFile}).
 */
public final class QuoteMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis quote --refdata DIR --books FILE [options]",
        "  --refdata DIR            reference data set (e.g. refdata/kospi200)",
        "  --books FILE             books snapshot: symbol,side,level,price,size (docs/reference-data.md)",
        "  --contracts N            contracts to value (default 1)",
        "  --trade-date YYYY-MM-DD  trading date (default 2026-11-23)",
        "  --max-search N           largest size tried for maxContracts (default 1000)",
        "  --help                   this text");

    private QuoteMain()
    {
    }

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /**
     * @param args command line.
     * @return exit status: 0 with the valuation printed, 2 for a bad command line, reference data or books file
     *         (one line on standard error naming the file, the line and the field).
     */
    static int run(final String[] args)
    {
        Path refdata = null;
        Path books = null;
        long contracts = 1;
        long maxSearch = 1000;
        LocalDate tradeDate = LocalDate.of(2026, 11, 23);
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                switch (args[i])
                {
                    case "--help":
                    case "-h":
                        System.out.println(USAGE);
                        return 0;
                    case "--refdata":
                        refdata = Path.of(Arguments.value(args, ++i));
                        break;
                    case "--books":
                        books = Path.of(Arguments.value(args, ++i));
                        break;
                    case "--contracts":
                        contracts = Arguments.positive(Arguments.value(args, ++i), "--contracts");
                        break;
                    case "--max-search":
                        maxSearch = Arguments.positive(Arguments.value(args, ++i), "--max-search");
                        break;
                    case "--trade-date":
                        tradeDate = LocalDate.parse(Arguments.value(args, ++i));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (refdata == null || books == null)
            {
                throw new IllegalArgumentException("--refdata and --books are required");
            }
        }
        catch (final IllegalArgumentException | DateTimeParseException ex)
        {
            System.err.println("quote: " + ex.getMessage());
            System.err.println(USAGE);
            return 2;
        }

        try
        {
            final ReferenceData data = ReferenceData.load(refdata, tradeDate);
            final Quote quote = new Quote(data, tradeDate, BooksFile.read(books, data, 10), ModelLimits.defaults());
            System.out.print(quote.toJson(contracts, maxSearch));
            return 0;
        }
        catch (final ReferenceDataException ex)
        {
            System.err.println("quote: " + ex.getMessage());
            return 2;
        }
    }
}
