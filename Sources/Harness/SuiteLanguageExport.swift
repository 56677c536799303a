/// The harness runs suites written in the suite language (``Suite``, ``SuiteLoader``, ``Catalog``),
/// so a module that imports `Harness` sees that language too.
@_exported import SuiteLanguage
