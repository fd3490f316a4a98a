/**
 * Realistic PSP, bank and expected-payment data with ground truth, for tests and benchmarks.
 *
 * <p>{@link dev.recon.generator.World#generate} turns a {@link dev.recon.generator.GeneratorSpec}
 * (seed, tenant, orders, days, currencies, Stripe share, {@link dev.recon.generator.NoiseRates})
 * into a {@link dev.recon.generator.GeneratedWorld}; {@link
 * dev.recon.generator.GeneratedWorld#writeTo} renders it as an expected-payments CSV, an Adyen
 * Settlement details report, Stripe's payout reconciliation and payouts itemized reports and a
 * camt.053 statement, with truth-matches.csv, truth-exceptions.csv and the L2 rules file next to
 * them. {@link dev.recon.generator.Scoring} scores a run's matches.csv and exceptions.csv against
 * the truth.
 */
package dev.recon.generator;
