import { activeAtEnd, activeDuring, eq, figure, measure, rate, sum, within, type Catalog } from '@fazhi/metrics';
import { correctionSubjects, correctionVisits } from './kinds.js';

const area = 'community_correction';
const subjects = correctionSubjects.id;
const visitsKind = correctionVisits.id;

// People: the register is a stock (in force between 入矫日期 and 解矫日期), the rest are flows.
const active = measure({ id: `${area}.active_subjects`, label: '在册社区矫正对象', labelEn: 'Persons in the register', unit: '人', kind: subjects, period: activeAtEnd('enteredOn', 'releasedOn'), description: '期末在册（已入矫、尚未解矫）的社区矫正对象' });
const supervised = measure({ id: `${area}.supervised_subjects`, label: '累计在矫人数', labelEn: 'Persons supervised', unit: '人', kind: subjects, period: activeDuring('enteredOn', 'releasedOn'), description: '期间内任一天在册的社区矫正对象，含期间内入矫或解矫的' });
const entered = measure({ id: `${area}.new_subjects`, label: '新接收社区矫正对象', labelEn: 'Persons received', unit: '人', kind: subjects, period: within('enteredOn'), description: '期间内入矫的社区矫正对象' });
const released = measure({ id: `${area}.released_subjects`, label: '解除矫正', labelEn: 'Corrections ended', unit: '人', kind: subjects, period: within('releasedOn'), description: '期间内解矫的社区矫正对象（期满解除、撤销、收监执行、死亡等）' });
const termExpired = measure({ ...released, id: `${area}.term_expired`, label: '期满解除矫正', labelEn: 'Terms completed', filters: [eq('releaseReason', 'term_expired')], description: '期间内矫正期满依法解除矫正的' });
const reoffended = measure({ id: `${area}.reoffended`, label: '再犯罪人数', labelEn: 'Persons who reoffended', unit: '人', kind: subjects, period: within('reoffendedOn'), description: '期间内在矫正期间又犯新罪的社区矫正对象' });
const highRisk = measure({ ...active, id: `${area}.high_risk_subjects`, label: '在册高风险对象', labelEn: 'High-risk persons in the register', filters: [eq('riskLevel', 'high')], description: '期末在册且风险等级为高风险的社区矫正对象' });

// Supervision work: visits, talks, education and community service.
const visits = measure({ id: `${area}.visits`, label: '走访教育', labelEn: 'Visits and education', unit: '次', kind: visitsKind, period: within('visitedOn'), description: '期间内的走访、个别谈话、集中教育学习和公益活动' });
const homeVisits = measure({ ...visits, id: `${area}.home_visits`, label: '走访', labelEn: 'Home visits', filters: [eq('visitType', 'home_visit')], description: '期间内对社区矫正对象的走访' });
const visited = measure({ ...visits, id: `${area}.visited_subjects`, label: '走访教育覆盖人数', labelEn: 'Persons visited', unit: '人', aggregation: { type: 'countDistinct', field: 'subjectId' }, description: '期间内至少有一次走访教育记录的社区矫正对象' });
const educationHours = measure({ ...visits, id: `${area}.education_hours`, label: '教育学习和公益活动时长', labelEn: 'Hours of education and service', unit: '小时', aggregation: sum('hours'), valueType: 'quantity', filters: [{ field: 'visitType', op: 'in', value: ['education', 'community_service'] }], description: '期间内集中教育学习和公益活动的时长合计' });

/** 社区矫正's measures and indicators; composition merges them into the built-in catalog and checks them against the kinds. */
export const communityCorrectionCatalog: Catalog = {
  measures: [active, supervised, entered, released, termExpired, reoffended, highRisk, visits, homeVisits, visited, educationHours],
  indicators: [
    figure(active, area),
    figure(supervised, area),
    figure(entered, area),
    figure(released, area),
    figure(termExpired, area),
    figure(reoffended, area),
    rate({ id: `${area}.reoffending_rate`, label: '社区矫正对象再犯罪率', labelEn: 'Reoffending rate', area, numerator: reoffended, denominator: supervised, decimals: 2, description: '期间内再犯罪的社区矫正对象 ÷ 期间内累计在矫人数' }),
    figure(highRisk, area),
    figure(visits, area),
    figure(homeVisits, area),
    figure(visited, area),
    figure(educationHours, area, { decimals: 1 }),
  ],
};
