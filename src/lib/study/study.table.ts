export interface LessonProgressTable {
  user_id: string;
  lesson_id: string;
  course_id: string;
  /** Verified study seconds credited by the server. */
  studied_seconds: number;
  /** JSON array of merged `[start, end]` media seconds watched. */
  watched_ranges: string;
  completed_at: string | null;
  updated_at: string;
}

/** One row per person: the lesson holding their study clock and its last accepted beat. */
export interface StudyClockTable {
  user_id: string;
  lesson_id: string;
  last_beat_at: string;
}

/** Every accepted or refused beat, by the browser's beat id, so a replay is recognised. */
export interface StudyBeatsTable {
  user_id: string;
  beat_id: string;
  lesson_id: string;
  received_at: string;
  credited_seconds: number;
  outcome: string;
}
