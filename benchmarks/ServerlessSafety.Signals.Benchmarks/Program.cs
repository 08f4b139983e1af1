using ServerlessSafety.Signals.Benchmarks;

// Median-based timing script, run on one core (taskset); see README.md. Nothing here is asserted in tests.
return args.FirstOrDefault() switch
{
    "hash" => HashingBenchmark.Run(args.Skip(1).ToArray()),
    "index" => IndexBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: hash SOURCE.jpg OUTDIR | index N OUTDIR");
    return 2;
}
