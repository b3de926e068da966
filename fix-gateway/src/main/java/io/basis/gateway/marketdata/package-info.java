/**
 * Market data and market status from the exchange to SBE, and the subscriptions that ask for them. Every class
 * here belongs to the gateway agent's thread, which gets the messages from QuickFIX/J through the hand-off; none
 * locks.
 */
package io.basis.gateway.marketdata;
