// Placeholder until the Compiler module lands.
