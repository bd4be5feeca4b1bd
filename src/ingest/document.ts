// The contract between the parsers (text -> ParsedDocument) and the loader (ParsedDocument -> graph).
// Everything here is plain data: no database types, no parser internals. Text values are verbatim
// from the document apart from trimming, width normalisation and re-joining text cut by page breaks.

/** Which of the two iCAP document formats a text is. */
export type DocumentKind = 'STANDARD' | 'UNIT';

/** A coded item inside one document: `K01 創新商業模式`, `O1.2.1 商業機會調查報告`. */
export interface CodedName {
  code: string;
  name: string;
}

/**
 * A classification entry as a document names it: 職類別 `BLM` 運籌管理 under 企業經營管理,
 * 職業別 `2421`, 行業別 `M7010`. `parentName` is the part before the slash, when the document gives one.
 */
export interface TaxonomyRef {
  code: string;
  name: string;
  parentName?: string;
}

/** One row of a standard's version table. */
export interface StandardVersion {
  /** 4 for `V4`. */
  version: number;
  /** Full code with version, `BLM2421-007v4`. */
  code: string;
  name: string;
  /** 最新版本 -> CURRENT, 歷史版本 -> HISTORICAL. */
  status: 'CURRENT' | 'HISTORICAL';
  /** 更新說明, verbatim (`略`, `已被《BLM2421-007v3》取代`). */
  note: string;
  /** 發展更新日期 as an ISO date, `2025-12-15`; null when the document has no version table to give it. */
  date: string | null;
}

/** A behaviour indicator (行為指標): `P1.1.1` in a standard, `P1.2` (task 1, item 2) in a unit. */
export interface Indicator {
  code: string;
  /** Plain text: HTML tags and 【註N】 markers removed. */
  text: string;
  /** Underlined terms that carry a note, in order of appearance (units only; empty in standards). */
  terms: NoteRef[];
}

/** An underlined term followed by a 【註N】 marker. */
export interface NoteRef {
  term: string;
  note: number;
}

export interface StandardTask {
  /** `T1.1` */
  code: string;
  name: string;
  /** 職能級別 of this task, 1..6. */
  level: number;
  /** 工作產出 (`O1.2.1`), possibly none. */
  outputs: CodedName[];
  indicators: Indicator[];
  /** Local codes of the knowledge (`K01`) and skills (`S01`) the task needs, in document order. */
  knowledgeCodes: string[];
  skillCodes: string[];
}

export interface Responsibility {
  /** `T1` */
  code: string;
  name: string;
  tasks: StandardTask[];
}

export interface Attitude {
  /** `A01` */
  code: string;
  name: string;
  description: string;
}

/** An entry of 其他補充說明 of the form `term：definition` (e.g. 利益關係人). */
export interface GlossaryEntry {
  term: string;
  definition: string;
}

/** 職能基準: an occupational competency standard. */
export interface ParsedStandard {
  kind: 'STANDARD';
  /** `BLM2421-007v4` */
  code: string;
  /** `BLM2421-007` */
  baseCode: string;
  version: number;
  name: string;
  /** Which of 職類 / 職業 the name was filled in for. */
  nameKind: '職類' | '職業';
  /**
   * Every row of the version table, newest first as published; without a version table, the one
   * version the code names (CURRENT, no date).
   */
  versions: StandardVersion[];
  categories: TaxonomyRef[];
  occupations: TaxonomyRef[];
  industries: TaxonomyRef[];
  /** 工作描述 */
  description: string;
  /** 基準級別, 1..6 */
  level: number;
  responsibilities: Responsibility[];
  /** K items, each defined once (`K01 創新商業模式`). */
  knowledge: CodedName[];
  /** S items, each defined once. */
  skills: CodedName[];
  attitudes: Attitude[];
  /** 建議擔任此職類/職業之學歷/經歷/或能力條件, one entry per listed line. */
  requirements: string[];
  /** 其他補充說明 entries of the form `term：definition`. */
  glossary: GlossaryEntry[];
  /** 其他補充說明 lines that are not glossary entries. */
  otherNotes: string[];
}

export interface UnitTask {
  /** `T1` for 一、 */
  code: string;
  name: string;
  indicators: Indicator[];
}

/** A K or S item of a unit; the code is derived from its Chinese numeral (五、 -> `K05`). */
export interface UnitCompetency extends CodedName {
  /** Notes attached to this item by a 【註N】 marker (e.g. 分析技能 【註9】). */
  notes: number[];
}

/** A 【註N】 note of 說明與補充事項. */
export interface UnitNote {
  number: number;
  /** The underlined term the marker follows in the body (`主要影響` for 【註1】). */
  term: string;
  /** The note's text, verbatim without HTML. */
  text: string;
  /** The 可能包括 list split into items; empty when the note has no such list. */
  examples: string[];
}

/** 評量設計參考, split into its three customary sections. */
export interface Assessment {
  /** 評量之關鍵面向/能力證明之證據 */
  keyEvidence: string[];
  /** 評量情境與特定資源 */
  contextAndResources: string[];
  /** 評量方法 */
  methods: string[];
}

/** 職能單元: a competency unit. */
export interface ParsedUnit {
  kind: 'UNIT';
  /** `BGM5R0167v2` */
  code: string;
  /** `BGM5R0167` */
  baseCode: string;
  version: number;
  name: string;
  /** 領域類別 as written, `企業經營管理/一般管理`. */
  domain: string;
  /** The 領域 code from the unit code's prefix (`BGM`), named by 領域類別. */
  categories: TaxonomyRef[];
  /** 職能單元級別, 1..6 */
  level: number;
  tasks: UnitTask[];
  knowledge: UnitCompetency[];
  skills: UnitCompetency[];
  notes: UnitNote[];
  assessment: Assessment;
  /** 更新紀錄, one entry per line. */
  revisionNotes: string[];
}

export type ParsedDocument = ParsedStandard | ParsedUnit;
