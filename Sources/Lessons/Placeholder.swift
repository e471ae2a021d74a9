// Placeholder until the Lessons module lands.
