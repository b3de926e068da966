package io.basis.engine.refdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * An exchange's business days: Monday to Friday except its holidays ({@code holidays.csv}, optional). Settlement
 * dates, the contract calendar and a backtest's sequence of trading days all count in these days. Immutable.
 */
public final class TradingCalendar
{
    private final Set<LocalDate> holidays;

    /**
     * @param holidays exchange holidays; weekends need not be listed.
     */
    public TradingCalendar(final Set<LocalDate> holidays)
    {
        this.holidays = Set.copyOf(holidays);
    }

    /**
     * @return a calendar with weekends only.
     */
    public static TradingCalendar weekendsOnly()
    {
        return new TradingCalendar(Set.of());
    }

    /**
     * Read {@code holidays.csv} ({@code date,name}) from a reference data directory; without that file, only
     * weekends are closed.
     *
     * @param dir reference data directory.
     * @return the calendar.
     * @throws ReferenceDataException naming the file, line and reason of a bad or duplicated date.
     */
    public static TradingCalendar load(final Path dir)
    {
        final Path file = dir.resolve("holidays.csv");
        if (!Files.exists(file))
        {
            return weekendsOnly();
        }
        final CsvTable csv = CsvTable.read(file, "date");
        final Set<LocalDate> holidays = new TreeSet<>();
        for (int row = 0; row < csv.size(); row++)
        {
            if (!holidays.add(csv.date(row, "date")))
            {
                throw csv.error(row, "date", "duplicate holiday");
            }
        }
        return new TradingCalendar(holidays);
    }

    /**
     * @param date a date.
     * @return true if the exchange trades that day.
     */
    public boolean isBusinessDay(final LocalDate date)
    {
        final DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * @param date a date.
     * @return the first business day after it.
     */
    public LocalDate nextBusinessDay(final LocalDate date)
    {
        return addBusinessDays(date, 1);
    }

    /**
     * @param date a date.
     * @return the date itself if a business day, else the last business day before it.
     */
    public LocalDate onOrBefore(final LocalDate date)
    {
        LocalDate result = date;
        while (!isBusinessDay(result))
        {
            result = result.minusDays(1);
        }
        return result;
    }

    /**
     * @param date a date.
     * @param days business days to add, non-negative.
     * @return the business day that many business days after the date.
     */
    public LocalDate addBusinessDays(final LocalDate date, final int days)
    {
        LocalDate result = date;
        for (int remaining = days; remaining > 0; )
        {
            result = result.plusDays(1);
            if (isBusinessDay(result))
            {
                remaining--;
            }
        }
        return result;
    }

    /**
     * @param from first date, inclusive.
     * @param to   last date, inclusive.
     * @return business days in the range.
     */
    public int businessDaysBetween(final LocalDate from, final LocalDate to)
    {
        int count = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1))
        {
            if (isBusinessDay(date))
            {
                count++;
            }
        }
        return count;
    }
}
