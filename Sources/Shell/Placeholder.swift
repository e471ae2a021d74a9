// Placeholder until the Shell module lands.
