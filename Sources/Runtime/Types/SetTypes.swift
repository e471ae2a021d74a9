// Stub: replaced by the real implementation.
extension RuntimeSetup { static func installSetTypes() {} }
