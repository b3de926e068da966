package io.basis.simulator.trading;

import java.time.Duration;

/**
 * A trading day on the wall clock, compressed as a test or demo needs: an opening auction, continuous trading,
 * a closing auction, then the close (on the future's last trading day, its final settlement). Durations are
 * measured from the simulator's start.
 *
 * @param preOpen        length of the opening auction; zero starts in continuous trading.
 * @param continuous     length of continuous trading.
 * @param closingAuction length of the closing auction.
 */
public record DaySchedule(Duration preOpen, Duration continuous, Duration closingAuction)
{
    /**
     * @throws IllegalArgumentException if a duration is negative.
     */
    public DaySchedule
    {
        if (preOpen.isNegative() || continuous.isNegative() || closingAuction.isNegative())
        {
            throw new IllegalArgumentException("day schedule durations must not be negative");
        }
    }

    /**
     * Parse the command-line form {@code PRE,CONTINUOUS,CLOSING} in seconds, e.g. {@code 10,300,30}.
     *
     * @param text the form.
     * @return the schedule.
     * @throws IllegalArgumentException if malformed.
     */
    public static DaySchedule parse(final String text)
    {
        final String[] parts = text.split(",");
        if (parts.length != 3)
        {
            throw new IllegalArgumentException("day schedule needs PRE,CONTINUOUS,CLOSING seconds: " + text);
        }
        try
        {
            return new DaySchedule(Duration.ofSeconds(Long.parseLong(parts[0].trim())),
                Duration.ofSeconds(Long.parseLong(parts[1].trim())), Duration.ofSeconds(Long.parseLong(parts[2].trim())));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("day schedule needs whole seconds: " + text, ex);
        }
    }
}
