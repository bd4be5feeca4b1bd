// Learning and career paths on real standards: the task structure of eight published iCAP standards
// (test/fixtures/paths/real-standards.json, written by `npm run eval:paths -- --corpus <catalogue>
// --fixture <codes>`), two pairs of one occupation at a lower and a higher level and the standards
// their plans draw on. Expected values were read off the documents.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFigures } from '../../../src/cli/eval-paths.js';
import { PathCatalogue, type CatalogueStandard } from '../../../src/cli/path-catalogue.js';
import { PROJECT_ROOT } from '../../../src/paths.js';

const { standards } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/paths/real-standards.json'), 'utf8')) as {
  standards: Array<Omit<CatalogueStandard, 'occupations'>>;
};
const catalogue = new PathCatalogue(standards.map((s) => ({ ...s, occupations: [] })));

const PAIRS: Array<[string, string]> = [
  ['KMM2431-006v3', 'KMM2431-002v4'], // 行銷助理 (2) -> 行銷人員 (3)
  ['FSI2412-006v4', 'BLM2412-001v4'], // 證券業-財富管理人員 (2) -> 銀行─風險管理人員 (4)
];

describe('learning paths on real standards', () => {
  it('hold the targets: relevant steps only, none for attitudes, short plans, uncovered gaps name the target tasks', () => {
    for (const [from, to] of PAIRS) {
      const plan = catalogue.learningPath(from, to);
      const figures = planFigures(plan);
      expect(figures.minRelevance).toBeGreaterThanOrEqual(0.3);
      expect(figures.stepsWithoutKs).toBe(0);
      expect(figures.steps).toBeLessThanOrEqual(4);
      expect(figures.uncoveredWithoutTasks).toBe(0);
      for (const step of plan.steps) expect(step.level).toBeLessThanOrEqual(catalogue.byCode.get(to)!.level);
    }
  });

  it('行銷助理 -> 行銷人員: what the assistant lacks, by task, and two steps that teach it', () => {
    const plan = catalogue.learningPath('KMM2431-006v3', 'KMM2431-002v4');
    // 行銷人員 T2.3 行銷效益評估 needs 消費者行為, 財務報表概念, 專案管理概念, 資訊回饋方法, 報告撰寫能力 and 行銷計畫內容: none held.
    const evaluation = plan.tasks.find((t) => t.task.code === 'T2.3')!;
    expect(evaluation.held).toEqual([]);
    expect(evaluation.ready).toBe(false);
    expect([...evaluation.missing, ...evaluation.partial].map((s) => s.requirement.name).sort()).toEqual(
      ['消費者行為', '行銷計畫內容', '財務報表概念', '專案管理概念', '資訊回饋方法', '報告撰寫能力'].sort(),
    );
    // The assistant knows 行銷活動概念, the broader wording of 組織及客戶行銷活動規範: partly held, not held.
    const rules = plan.gaps.find((g) => g.requirement.name === '組織及客戶行銷活動規範')!;
    expect(rules.status).toBe('partial');
    expect(rules.closest).toMatchObject({ competencyId: 'knowledge:行銷活動概念', relation: 'broader' });
    expect(plan.uncovered.find((u) => u.name === '組織及客戶行銷活動規範')?.taskIds).toEqual(['KMM2431-002v4:T1.2', 'KMM2431-002v4:T2.2']);
    // 企劃人員's 管控企劃案執行 and 完成結案報告 teach 資料蒐集及判斷能力 and 結案報告撰寫能力 (narrower than the
    // target's 資料蒐集能力 and 報告撰寫能力); 銷售顧問's 規劃銷售方案 teaches 行銷管理, 消費者行為 and 簡報技巧.
    expect(plan.steps.map((s) => [s.document.code, s.tasks.map((t) => t.code)])).toEqual([
      ['BAS1219-002v4', ['T2.2', 'T2.3']],
      ['KPS3322-001v4', ['T1.3']],
    ]);
    expect(plan.steps[0]?.closes.map((c) => [c.requirement.name, c.competencyId, c.relation])).toContainEqual(['報告撰寫能力', 'skill:結案報告撰寫能力', 'narrower']);
    expect(plan.steps[1]?.closes.map((c) => c.requirement.name)).toEqual(['行銷管理', '消費者行為', '簡報能力']);
    // Attitudes are listed apart; the assistant's standard already asks for 謹慎細心.
    expect(plan.dispositions.find((d) => d.requirement.name === '謹慎細心')?.held).toBe(true);
    expect(plan.dispositions.find((d) => d.requirement.name === '追求卓越')?.held).toBe(false);
  });

  it('財富管理人員 -> 風險管理人員: one standard of the same field closes six of seven gaps', () => {
    const plan = catalogue.learningPath('FSI2412-006v4', 'BLM2412-001v4');
    expect(plan.steps.map((s) => [s.document.code, s.document.name])).toEqual([['FSI2412-001v4', '銀行─投資分析人員']]);
    expect(plan.steps[0]?.closes.map((c) => c.requirement.name).sort()).toEqual(['問題解決', '時間管理', '會計', '統計', '績效管理', '量化分析技術'].sort());
    expect(plan.uncovered.map((u) => [u.name, u.reason, u.taskIds])).toEqual([['決斷力', 'NOT_TAUGHT', ['BLM2412-001v4:T2.3']]]);
    expect(plan.readinessBefore).toBe(1 / 8);
    expect(plan.readinessAfter).toBe(7 / 8);
  });

  it('careers: viable hops at most one level up, each naming the competencies most tasks need', () => {
    const career = catalogue.careerPath('FSI2412-006v4', 'BLM2412-001v4')!;
    // Level 2 -> 4 cannot be one hop; 壽險業-系統設計人員（金融科技） (level 3) is the step between.
    expect(career.steps.map((s) => [s.document.code, s.levelStep])).toEqual([
      ['FSI2412-006v4', null],
      ['FIS2511-001v2', 1],
      ['BLM2412-001v4', 1],
    ]);
    for (const hop of career.steps.slice(1)) expect(hop.similarity).toBeGreaterThanOrEqual(0.3);
    // 問題解決 is needed by five tasks of FIS2511-001v2, more than any other new competency.
    expect(career.steps[1]?.keyCompetencies[0]).toMatchObject({ competencyId: 'skill:問題解決' });
    expect(career.steps[1]?.keyCompetencies[0]?.taskIds).toHaveLength(5);
    expect(career.steps[1]?.keyCompetencies.length).toBeLessThanOrEqual(5);
  });
});
