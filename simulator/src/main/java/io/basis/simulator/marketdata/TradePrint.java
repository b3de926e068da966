package io.basis.simulator.marketdata;

/**
 * A trade as published.
 *
 * @param price    scaled trade price.
 * @param quantity traded quantity.
 */
public record TradePrint(long price, long quantity)
{
}
