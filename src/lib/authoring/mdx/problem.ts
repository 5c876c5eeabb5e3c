/** Something in a trainer's MDX that keeps it from being published, where it is and what to do. */
export interface MdxProblem {
  /** 1-based line of the lesson body. */
  line: number;
  /** 1-based column (characters, as an editor counts them). */
  column: number;
  /** In Chinese, saying what is wrong and how to fix it. */
  message: string;
}
