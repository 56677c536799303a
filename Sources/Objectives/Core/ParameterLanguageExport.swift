/// Every problem kind declares its parameters in the parameter language (``ParameterSpec``,
/// ``ParameterSet``), so a module that imports `Objectives` sees that language too.
@_exported import Parameters
