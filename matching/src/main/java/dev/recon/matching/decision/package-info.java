/**
 * Manual decisions under four eyes, as pure code: {@link dev.recon.matching.decision.FourEyesRule}
 * folds the steps of one decision (a proposal, then approvals or rejections by other people) into a
 * {@link dev.recon.matching.decision.DecisionFile} and returns every step's outcome as a value;
 * {@link dev.recon.matching.decision.DecisionMatches} turns an approved decision into the match
 * record the job books.
 */
package dev.recon.matching.decision;
