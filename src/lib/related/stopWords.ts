/**
 * Words that say nothing about a topic. Han words of one character are dropped anyway (see
 * extractTerms), so only longer function words are listed; IDF takes care of the rest. Changing
 * a list changes term counts: bump the version in the cache key (selectRelatedArticles).
 */
export const HAN_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "我们 你们 他们 她们 它们 咱们 自己 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 " +
    "一个 一些 一种 一般 一下 一起 一直 一定 可以 可能 能够 应该 需要 必须 已经 正在 还是 " +
    "就是 也是 都是 不是 只是 而是 或是 没有 不会 不能 不要 因为 所以 如果 但是 然后 而且 " +
    "并且 或者 以及 及其 其中 其他 其它 之后 之前 之间 以后 以前 以下 以上 通过 进行 对于 " +
    "由于 关于 为了 如何 什么 怎么 怎样 为什么 哪些 所有 每个 任何 很多 许多 非常 比较 " +
    "时候 时间 目前 现在 当前 另外 此外 例如 比如 同时 然而 因此 于是 即使 虽然 尽管 " +
    "仍然 还有 只有 只要 不过 否则 除了 根据 按照 使得 成为 属于 具有 包括 包含 提供 " +
    "用于 使用 这是 那是 就会 也会 可能会 不再 更多 最后 首先 其次 注意 下面 上面 如下 " +
    "所示 参见 本节 本章 部分 方面 情况 问题 方法 方式 东西 地方 之一 等等 " +
    "总是 要么 往往 似乎 其实 甚至 真正 一样 不少 越来越 依然 继续 别人 大家 有人 人们"
  ).split(" "),
);

/** English function words; the corpus mixes untranslated English paragraphs with Chinese. */
export const LATIN_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but if then else of to in on at by for with from into onto as is are was were " +
    "be been being it its this that these those there here which who whom whose what when where why " +
    "how not no nor so than too very can could will would shall should may might must do does did " +
    "done have has had having you your yours we our us they them their he she his her him i me my " +
    "all any both each few more most other some such only own same just also over under again " +
    "further once about above below between through during before after up down out off per via " +
    "etc ie eg e g i e one two use used using see also default value values true false null none " +
    "www http https com org html"
  ).split(" "),
);
