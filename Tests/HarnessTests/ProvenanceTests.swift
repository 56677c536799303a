import Harness
import LinearAlgebra
import Objectives
import Testing

@Suite struct ProvenanceTests {
    /// The manifest records the kernel path this process chose (`GDBENCH_KERNELS`, CPUID).
    @Test func theCurrentProvenanceNamesTheKernelPath() {
        #expect(Provenance.current().vectorKernels == KernelPath.current.rawValue)
    }
}
