// Placeholder until the Trace module lands.
