// Placeholder until the Engine module lands.
