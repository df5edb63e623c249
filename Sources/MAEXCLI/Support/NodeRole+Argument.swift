import ArgumentParser
import MAEXCore
import MAEXNode

extension NodeRole: ExpressibleByArgument {}
