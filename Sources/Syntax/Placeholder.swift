// Placeholder until the Syntax module lands.
