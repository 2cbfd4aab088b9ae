// The six throughput programs, in one place for both benchmarks:
// bench/compare.mjs times them at full size, as [name, setup, timed work];
// bench/instructions.mjs counts instructions for smaller versions (`small`),
// under valgrind, setup included.

/** The programs as [name, setup, work]; `small` for the counted versions. */
export function throughputPrograms({ small = false } = {}) {
  const fib = small ? 20 : 25;
  const loop = small ? 5 : 6;
  const many = small ? 4 : 5;
  const from = small ? 900 : 100;
  return [
    [`recursive fib(${fib})`, `
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
`, `fib(${fib})`],
    [`a loop of 10**${loop} additions`, '', `
s = 0
for i in range(10**${loop}):
    s += i
`],
    [`joining 10**${many} strings`, '', `
text = ",".join([str(i) for i in range(10**${many})])
`],
    [`counting 10**${many} words in a dict`, `
words = ["w%d" % (i * 7919 % 5000) for i in range(10**${many})]
`, `
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
`],
    [small ? `making and sorting 10**${many} random ints` : `sorting 10**${many} random ints`, `
import random
random.seed(12)
data = [random.randrange(10**9) for _ in range(10**${many})]
`, 'ordered = sorted(data)'],
    [small ? `palindrome products, x from ${from}` : 'largest 3-digit palindrome product, brute force', '', `
best = 0
for x in range(${from}, 1000):
    for y in range(x, 1000):
        p = x * y
        if p > best and str(p) == str(p)[::-1]:
            best = p
`],
  ];
}
