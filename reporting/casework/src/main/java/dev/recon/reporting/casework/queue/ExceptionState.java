package dev.recon.reporting.casework.queue;

/** Whether a break still needs work. A resolved break stays resolved. */
public enum ExceptionState {
  OPEN,
  RESOLVED
}
