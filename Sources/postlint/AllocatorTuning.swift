/// Settings of the process's memory allocator, made once at start-up.
enum AllocatorTuning {
    /// Keeps glibc's allocator serving blocks of 256 KiB and more with their own mappings, returned
    /// to the system when freed. By default the threshold rises to the size of each large block
    /// freed, after which the growing tables of a run (site facts, paths) are carved from the heap
    /// and the space of each outgrown copy stays in the process: 10 MB more at 100,000 posts.
    static func fixLargeBlockThreshold() {
        #if canImport(Glibc)
            // M_MMAP_THRESHOLD in <malloc.h>, which the Glibc module does not bring in.
            let mmapThreshold: Int32 = -3
            _ = glibcMallopt(mmapThreshold, 256 * 1024)
        #endif
    }
}

#if canImport(Glibc)
    /// glibc's `mallopt` (declared in <malloc.h>).
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
