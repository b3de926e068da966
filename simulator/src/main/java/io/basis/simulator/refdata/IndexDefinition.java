package io.basis.simulator.refdata;

/**
 * The index and its future, the row of {@code index.csv}: S = sum(N*f*c*P) / divisor.
 *
 * @param name    the index's name.
 * @param future  the index future.
 * @param divisor the index divisor.
 */
public record IndexDefinition(String name, Instrument future, long divisor)
{
}
