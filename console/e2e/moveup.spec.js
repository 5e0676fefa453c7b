import { expect, test } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

// Move-up (前置调度) on the commander's map: where to move AVAILABLE mine rescue teams so that more hazard sites and
// seats are reached within 15 minutes, each move an arrow from the team to its post; approving is all or nothing.
// It shares the seeded database with the other specs: it asks for mine-rescue within 15 min with at most 2 moves,
// and puts every team it touched back to AVAILABLE at the end (which also ends their move-up), so that it can run
// again and the specs after it find the teams as seeded.
const SUGGEST = `query { moveUpSuggestion(capability: "mine-rescue", withinSeconds: 900, maxMoves: 2) {
  coveredWeightShareBefore coveredWeightShareAfter optimal moves { unit { id name } to { id name } } } }`;
const UNIT = `query ($id: ID!) { node(id: $id) { ... on RescueUnit { name status movingUp { postId postName } } } }`;
const STATUS = `mutation ($input: ChangeUnitStatusInput!) { changeUnitStatus(input: $input) { unit { status } errors { code message } } }`;
const pct = (share) => `${Math.round(share * 1000) / 10}%`;

test('a commander asks where to move mine rescue teams, sees the arrows and approves the move-up', async ({ page, request }) => {
  const commander = await apiAs(request, 'commander');
  const expected = (await commander(SUGGEST)).moveUpSuggestion;
  expect(expected.moves.length, 'the demo city leaves places a mine rescue team could be moved up to cover').toBeGreaterThan(0);
  const touched = expected.moves.map((m) => m.unit.id);
  const setStatus = async (unitId, status) => {
    const { changeUnitStatus } = await commander(STATUS, { input: { unitId, status, reason: '前置调度演示复位' } });
    expect(changeUnitStatus.errors).toEqual([]);
  };

  try {
    await signInAs(page, '指挥');
    const panel = page.getByRole('region', { name: '前置调度（move-up）' });
    await expect(panel.getByLabel('能力')).toHaveValue('mine-rescue');
    await panel.getByLabel('到达时限（分钟）').fill('15');
    await panel.getByLabel('最多调动队伍数').fill('2');
    await panel.getByRole('button', { name: '计算前置调度' }).click();

    const result = panel.getByRole('status', { name: '前置调度建议' });
    await expect(result).toContainText(`mine-rescue 15 分钟内覆盖（按权重）：${pct(expected.coveredWeightShareBefore)} → ${pct(expected.coveredWeightShareAfter)}`);
    await expect(result).toContainText(expected.optimal ? '已证明最优' : '未证明最优');
    const moves = result.getByRole('list', { name: '调动建议' }).getByRole('listitem');
    await expect(moves).toHaveCount(expected.moves.length);
    const first = expected.moves[0];
    await expect(moves.first()).toContainText(`${first.unit.name} → ${first.to.name}`);
    await expect(moves.first()).toContainText(/车程约 [\d.]+ 分钟/);
    await expect(moves.first()).toContainText(/增加覆盖 [\d.]+%（权重 [\d.]+，\d+ 处：/);

    // Each move is an arrow on the map: a line from the team to its post, and an arrow head at the post.
    // MapLibre's getData() is asynchronous, and waitForFunction takes a pending promise for a truthy answer: poll.
    const readArrows = () => page.evaluate(async (n) => {
      const map = window.musterMap;
      if (!map?.getSource('moveUp') || !map.getSource('moveUpHeads')) return null;
      const lines = await map.getSource('moveUp').getData();
      const heads = await map.getSource('moveUpHeads').getData();
      return lines.features.length === n && heads.features.length === n
        ? { lines: lines.features.map((f) => [f.properties.unitId, f.properties.postId, f.geometry.coordinates.length]), heads: heads.features.map((f) => typeof f.properties.bearing), visible: map.getLayoutProperty('moveup-lines', 'visibility') ?? 'visible', head: map.getLayer('moveup-heads')?.type }
        : null;
    }, expected.moves.length);
    let arrows = null;
    await expect.poll(async () => (arrows = await readArrows()), { message: 'one arrow per move on the map' }).not.toBeNull();
    expect(arrows.lines[0]).toEqual([first.unit.id, first.to.id, 2]);
    expect(arrows.heads).toEqual(expected.moves.map(() => 'number'));
    expect(arrows).toMatchObject({ visible: 'visible', head: 'symbol' });
    await shot(page, 'moveup-arrows');

    // Meanwhile the first team is sent to an incident: approving answers a conflict, and nothing is moved.
    await setStatus(first.unit.id, 'ASSIGNED');
    await panel.getByRole('button', { name: '批准前置调度' }).click();
    await expect(panel.getByRole('alert')).toContainText('队伍已被调派，请重新计算');
    await expect(moves.first()).toHaveAttribute('aria-invalid', 'true');
    for (const m of expected.moves) {
      const { node } = await commander(UNIT, { id: m.unit.id });
      expect(node.movingUp, `${node.name} was not moved`).toBeNull();
      if (m !== first) expect(node.status).toBe('AVAILABLE');
    }
    await setStatus(first.unit.id, 'AVAILABLE');

    // Asked again, the same teams; approved, they are on their way to their posts.
    await panel.getByRole('button', { name: '计算前置调度' }).click();
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(moves.first()).toContainText(`${first.unit.name} → ${first.to.name}`);
    await panel.getByRole('button', { name: '批准前置调度' }).click();
    const approved = panel.getByRole('status', { name: '前置调度已批准' });
    await expect(approved).toContainText(`${first.unit.name}：出动途中，前往 ${first.to.name}`);
    await expect(panel.getByRole('button', { name: '批准前置调度' })).toHaveCount(0);
    await expect.poll(() => page.evaluate(async () => (await window.musterMap.getSource('moveUp').getData()).features.length)).toBe(0);
    for (const m of expected.moves) {
      const { node } = await commander(UNIT, { id: m.unit.id });
      expect(node).toMatchObject({ status: 'EN_ROUTE', movingUp: { postId: m.to.id, postName: m.to.name } });
    }
    await shot(page, 'moveup-approved');
  } finally {
    // Back as seeded: every team this test touched AVAILABLE again (a status change ends a move-up).
    for (const id of touched) {
      const { node } = await commander(UNIT, { id });
      if (node.status !== 'AVAILABLE') await setStatus(id, 'AVAILABLE');
    }
  }
});
