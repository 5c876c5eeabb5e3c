/**
 * Reading notes for tests, written for this purpose: two independent notes on the same reading
 * (《摆脱贫困》), and copies of the first dressed up the ways a cadre copying a classmate would.
 */

/** A cadre in a village writes about 弱鸟先飞. */
export const NOTE_A = `读《摆脱贫困》，印象最深的是“弱鸟先飞”这个说法。书里讲，贫困地区不能等靠要，要先把思想上的贫困摆脱掉。
我们村在黄河边上，山高沟深，过去总觉得条件不如人，干什么都慢半拍。这几年村里搞起了红枣加工和乡村旅游，靠的就是几个敢想敢干的年轻人带头。
对照书中的要求，我觉得自己还有差距：遇到难事先想困难，想办法不够。今后要多到农户家里走一走，把群众最盼的事一件一件办实，做一只先飞的鸟。`;

/** A township cadre writes about 滴水穿石, on the same book, in their own words. */
export const NOTE_B = `这一周读了《摆脱贫困》中《滴水穿石的启示》一篇。文章说，发展不可能一蹴而就，要像水滴一样，认准一个方向持续用力。
在乡里分管产业这两年，我体会到项目最怕换一任领导换一个思路。去年有个合作社因为规划变了半途停下，群众意见很大。
读完这篇文章，我准备把乡里的小杂粮产业梳理一遍，定下三年的目标和年度任务，按月督办。功成不必在我，但每一步都要踩实，不搞花架子，不做表面文章。`;

/** NOTE_A with a handful of words swapped for synonyms: a copy dressed up as one's own. */
export const NOTE_A_LIGHTLY_EDITED = NOTE_A.replace('印象最深的是', '我印象最深刻的是')
  .replace('山高沟深', '山大沟深')
  .replace('红枣加工', '红枣深加工')
  .replace('今后要多到', '以后要常到');

/** NOTE_A with its paragraphs in another order and different punctuation and spacing. */
export const NOTE_A_REARRANGED = NOTE_A.split('\n').reverse().join('\n\n').replaceAll('，', ', ').replaceAll('。', '. ');

/** A lightly edited copy of NOTE_A with a paragraph of the copier's own added at the end. */
export const NOTE_A_PADDED = `${NOTE_A_LIGHTLY_EDITED}
我所在的村也有类似情况，下一步我准备把村里的空心院落摸一遍底，看看哪些能改成民宿，先拿出一个方案来在村两委会上讨论。`;
