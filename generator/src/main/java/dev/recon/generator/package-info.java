/** Realistic PSP, bank and expected-payment data with ground truth, for tests and benchmarks. */
package dev.recon.generator;
