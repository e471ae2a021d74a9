import Foundation

/// Runs `body` on a helper thread with a very large stack and waits for it. The parser and compiler
/// recurse once per nesting level of the source (a 10,000-term `1+1+…` is 10,000 levels deep), which
/// can overflow a normal thread stack; their own depth limits then raise SyntaxError/RecursionError
/// as CPython does, instead of crashing.
public enum BigStack {
    public static let size = 512 << 20

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    public static func run<T>(_ body: () throws -> T) throws -> T {
        var result: Result<T, Error>?
        try withoutActuallyEscaping(body) { escapable in
            let job = Job { result = Result { try escapable() } }
            var attr = pthread_attr_t()
            pthread_attr_init(&attr)
            pthread_attr_setstacksize(&attr, size)
            defer { pthread_attr_destroy(&attr) }
            var tid = pthread_t()
            let ctx = Unmanaged.passRetained(job).toOpaque()
            let rc = pthread_create(&tid, &attr, { raw in
                let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                job.body()
                return nil
            }, ctx)
            if rc != 0 {
                Unmanaged<Job>.fromOpaque(ctx).release()
                result = Result { try escapable() }
                return
            }
            pthread_join(tid, nil)
        }
        return try result!.get()
    }
}
