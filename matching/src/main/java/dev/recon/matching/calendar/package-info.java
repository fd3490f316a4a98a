/**
 * Payout calendars as data: T+N business days per PSP ({@link
 * dev.recon.matching.calendar.PayoutSchedule}), weekends and a holiday list per currency ({@link
 * dev.recon.matching.calendar.BusinessCalendar}, TARGET2 for the euro by default), so a break that
 * waits for the PSP is NOT_YET_DUE or LATE against the run's as-of ({@link
 * dev.recon.matching.calendar.BreakDating}), and no break is detected after the as-of.
 */
package dev.recon.matching.calendar;
