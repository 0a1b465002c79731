// Hosts in these tests share Hangfire's static configuration, so test classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
