// The raw word material of the corpus generator: competency stems per domain, the heads and
// synonyms their paraphrases are made from, work objects for tasks and notes, attitudes, and the
// phrases of titles, indicators and assessments. `vocabulary.ts` turns the stems into competencies
// with variants; the document generators draw everything else from here.
//
// Notation of the competency lists (order matters: earlier entries are drawn more often):
// - skills: `stem` or `stem:head`; a `|` marks the parts of a compound stem (`溝通|協調`), which a
//   variant may join with 與/和/及; a trailing `!` marks a technical skill, which may also take the
//   head 技術.
// - knowledge: `stem:group` with a group of KNOWLEDGE_HEADS, or `=name` for a fixed name.
// - objects: `name` or `name=example、example、…` (the examples a unit's note lists for the term).

/** The work domains competencies and objects are grouped by. */
export const DOMAINS = [
  'general',
  'management',
  'hr',
  'it',
  'manufacturing',
  'logistics',
  'finance',
  'care',
  'safety',
  'marketing',
  'hospitality',
  'food',
  'construction',
  'education',
  'media',
] as const;

export type Domain = (typeof DOMAINS)[number];

/** Heads of a skill name. The first is the default; 技術 only for technical skills. */
export const SKILL_HEADS = ['能力', '技能', '技巧'] as const;
export const TECHNICAL_HEAD = '技術';

/** Suffix groups of a knowledge name: the first is canonical, the rest are paraphrases. */
export const KNOWLEDGE_HEADS: Record<string, readonly string[]> = {
  law: ['相關法規', '法規', '相關法令', '法令規範', '相關規範'],
  concept: ['概念', '基本概念', '知識', '相關知識', '原理'],
  process: ['流程', '作業流程', '作業程序', '程序'],
  method: ['方法', '實務', '方法與工具', '技術'],
  principle: ['原理', '基本原理', '原理與應用'],
  theory: ['理論', '基本理論', '理論與實務'],
  knowledge: ['知識', '相關知識', '基本知識', '專業知識'],
  common: ['常識', '知識', '基本知識'],
  bare: ['', '知識', '實務'],
};

/** Modifiers a paraphrase may put in front of a name. */
export const MODIFIERS = ['基本', '進階', '良好的'] as const;

/** Words joining the parts of a compound stem in a paraphrase. */
export const CONJUNCTIONS = ['與', '和', '及'] as const;

/**
 * Synonyms. A paraphrase replaces `from` by `to` wherever it occurs in a name, and `to` by `from`
 * unless the pair is one-way; `unless` lists words in which the replacement would be wrong.
 */
export interface Synonym {
  from: string;
  to: string;
  oneWay?: boolean;
  unless?: readonly string[];
}

export const SYNONYMS: readonly Synonym[] = [
  { from: '協調', to: '協商' },
  { from: '法令', to: '法規' },
  { from: '職業安全衛生', to: '職業健康安全' },
  { from: '緊急應變', to: '應變處理' },
  { from: '危機處理', to: '緊急事件處理' },
  { from: '顧客', to: '客戶' },
  { from: '資料分析', to: '數據分析' },
  { from: '資料視覺化', to: '數據視覺化' },
  { from: '撰寫', to: '寫作' },
  { from: '品質管理', to: '品質管控', unless: ['品質管理系統'] },
  { from: '成本控制', to: '成本管控' },
  { from: '風險評估', to: '風險評量' },
  { from: '設備維護', to: '設備保養' },
  { from: '檢驗', to: '檢測' },
  { from: '照顧', to: '照護' },
  { from: '應用', to: '運用' },
  { from: '企劃', to: '規劃', oneWay: true },
  { from: '倉儲', to: '倉庫' },
  { from: '問題解決', to: '問題處理' },
  { from: '團隊合作', to: '團隊協作' },
  { from: '績效評估', to: '績效考核' },
  { from: '訓練', to: '培訓' },
  { from: '市場分析', to: '市場研究' },
];

export interface DomainLexicon {
  skills: readonly string[];
  knowledge: readonly string[];
  objects: readonly string[];
  /** Occupational titles of standards in this domain. */
  titles: readonly string[];
}

export const LEXICON: Record<Domain, DomainLexicon> = {
  general: {
    skills: [
      '溝通|協調', '問題解決', '團隊合作', '資訊科技應用', '報告撰寫', '時間管理', '風險評估', '資料分析',
      '邏輯思考', '領導統御', '談判:技巧', '簡報:技巧', '電腦文書處理', '決策', '壓力管理', '創意發展!:技術',
      '顧客服務', '研究', '讀寫', '衝突處理', '情緒管理', '緊急應變', '自我管理', '觀察', '組織|規劃',
      '專案管理', '人際互動', '傾聽', '外語', '計畫執行', '文件管理', '數理計算',
    ],
    knowledge: [
      '職業安全衛生:law', '勞動:law', '成本計算:bare', '品質管理:concept', '專案管理:concept', '個人資料保護:law',
      '風險管理:concept', '企業倫理:concept', '環境保護:law', '營運管理:concept', '資訊安全:concept', '消防安全:law',
      '組織行為:concept', '永續發展:concept', '=標準作業程序', '急救:common', '統計分析:method', '問題分析:method',
      '=組織商業政策及作業流程', '=創新商業模式', '=組織的業務和結構', '=商業登記和許可要求', '=法律責任的性質',
      '辦公室軟體:knowledge', '溝通:theory',
    ],
    objects: [],
    titles: [],
  },
  management: {
    skills: [
      '策略規劃', '目標管理', '績效管理', '預算編列', '營運分析', '流程改善', '內部稽核', '危機處理', '資源整合',
      '變革管理', '商業分析', '利益關係人溝通', '授權', '教練|輔導', '會議管理', '商業模式設計',
    ],
    knowledge: [
      '企業經營:concept', '策略管理:concept', '財務報表:concept', '公司:law', '內部控制:concept', '績效評估:method',
      '組織設計:principle', '經營分析:method', '危機管理:concept', '營業秘密:law', '稅務:law', '=稅務要求',
      '管理會計:concept', '商業法律:knowledge',
    ],
    objects: [
      '營運計畫=年度營運目標、市場定位、資源配置方案、預期效益', '年度預算=人事費用、設備支出、行銷費用、營運週轉金',
      '組織目標', '作業流程=採購流程、請款流程、出貨流程、客訴處理流程',
      '績效指標=營收成長率、顧客滿意度、準時交貨率、員工流動率', '內部稽核', '經營策略', '商業機會',
      '營運資源=人力資源、設備資源、營運資金、資訊系統', '利益關係人=企業負責人、股東、供應商、公部門、員工', '管理報表',
      '改善方案', '業務需求=核心功能、優先服務、法規要求的功能', '備份設備=替代性場所、不斷電系統、備用能源',
    ],
    titles: [
      '企業營運主管', '微型企業營運主管', '行政管理人員', '專案管理師', '經營企劃人員', '策略規劃專員', '總務主管',
      '營運管理經理', '行政助理', '辦公室管理人員',
    ],
  },
  hr: {
    skills: [
      '人才招募', '面談:技巧', '薪酬設計', '教育訓練規劃', '員工關係管理', '職能分析', '績效面談:技巧', '勞資溝通',
      '人力規劃', '組織發展',
    ],
    knowledge: [
      '勞工保險:law', '就業服務:law', '性別工作平等:law', '職能基準:concept', '人力資源管理:concept', '薪資結構:concept',
      '訓練發展:theory', '勞資關係:concept', '=勞動基準法',
    ],
    objects: [
      '招募計畫', '人力需求=職缺人數、職務條件、到職時程', '訓練課程=新進人員訓練、專業技術訓練、主管管理訓練',
      '薪酬制度=本薪、職務加給、績效獎金、年終獎金', '績效考核', '員工關係', '工作說明書', '人事資料',
      '勞動條件=工作時間、休假、工資、加班費',
    ],
    titles: ['人力資源專員', '人力資源主管', '招募專員', '薪酬管理師', '教育訓練專員', '人資助理'],
  },
  it: {
    skills: [
      '程式設計!', '系統分析!', '資料庫管理!', '網路管理!', '軟體測試!', '需求分析', '系統整合!', '資訊安全管理',
      '雲端架構規劃!', '程式除錯!', '使用者介面設計!', '資料視覺化!', '版本控制!', '機器學習應用!', '伺服器維運!',
      '網站開發!', '技術文件撰寫', 'SQL資料庫查詢!',
    ],
    knowledge: [
      '資料結構:concept', '作業系統:principle', '網路通訊協定:concept', '軟體工程:concept', '資料庫系統:concept',
      '資通安全:law', '程式語言:concept', '雲端運算:concept', '軟體開發生命週期:concept', '人工智慧:concept',
      '系統開發:process', '著作權:law', '=物件導向程式設計', '=ISO 27001資訊安全管理系統',
    ],
    objects: [
      '系統需求=功能需求、效能需求、安全需求、介面需求', '資料庫', '應用程式', '網路架構', '測試計畫',
      '資安事件=惡意程式感染、帳號異常登入、資料外洩、阻斷服務攻擊', '系統備份=完整備份、差異備份、增量備份', '使用者帳號',
      '技術文件=系統規格書、操作手冊、測試報告', '版本紀錄', '雲端服務', '系統效能',
    ],
    titles: [
      '軟體開發工程師', '系統分析師', '網路管理工程師', '資料庫管理師', '資訊安全工程師', '雲端維運工程師',
      '資料分析師', '前端工程師', '資訊技術支援人員', '軟體測試工程師',
    ],
  },
  manufacturing: {
    skills: [
      '機台操作!', '製程控制!', '品質檢驗!', '設備維護!', '生產排程', '製程改善', '圖面判讀', '量測儀器操作!',
      '故障排除!', '物料管理', '工時分析', '異常處理', '統計製程管制!', '自動化系統應用!', '現場5S管理',
      '模具設計!', '焊接!:技術', '成本控制',
    ],
    knowledge: [
      '生產管理:concept', '製程:principle', '=材料特性', '機械:principle', '=ISO 9001品質管理系統', '精實生產:concept',
      '統計製程管制:concept', '設備維護:process', '工業安全:law', '品質檢驗:method', '=公差與配合', '電機:principle',
      '自動控制:principle', '物料管理:concept',
    ],
    objects: [
      '生產排程', '製程參數=溫度、壓力、速度、時間', '品質檢驗=進料檢驗、製程檢驗、成品檢驗',
      '生產設備=沖床、射出成型機、數值控制車床、輸送設備', '作業標準書', '不良品=尺寸不符、外觀瑕疵、功能異常',
      '量測儀器=游標卡尺、分厘卡、三次元量床、硬度計', '物料需求', '保養計畫', '生產報表', '改善專案', '生產線',
    ],
    titles: [
      '生產管理工程師', '品質管理工程師', '製程工程師', '設備維護技術員', '生產線主管', '自動化工程師',
      '品管檢驗員', '模具技術員', '智慧製造工程師', '物料管理人員',
    ],
  },
  logistics: {
    skills: [
      '倉儲管理', '庫存管理', '運輸規劃', '配送路線規劃', '採購議價:技巧', '供應鏈管理', '物流成本分析', '裝卸作業',
      '報關作業', '需求預測', '倉儲系統操作!', '車輛調度', '盤點作業',
    ],
    knowledge: [
      '供應鏈管理:concept', '物流管理:concept', '=國際貿易實務', '道路交通安全:law', '關務:law', '倉儲作業:process',
      '庫存控制:method', '採購作業:process', '危險物品運送:law', '冷鏈物流:concept',
    ],
    objects: [
      '倉儲作業=進貨驗收、儲位管理、揀貨作業、出貨作業', '庫存資料', '運輸路線', '配送計畫', '採購訂單',
      '供應商=原物料供應商、零組件供應商、物流服務業者', '貨物=一般貨物、冷藏貨物、危險物品',
      '進出口文件=商業發票、裝箱單、提單、報單', '盤點作業', '物流成本=運輸費用、倉儲費用、包裝費用、人事費用', '車輛調度',
    ],
    titles: [
      '物流管理人員', '倉儲管理主管', '運輸規劃專員', '採購專員', '供應鏈管理師', '報關人員', '物流配送人員',
      '國際物流專員',
    ],
  },
  finance: {
    skills: [
      '財務分析', '帳務處理', '預算管理', '投資分析', '風險控管', '稅務規劃', '授信評估', '理財規劃', '保險規劃',
      '財務報表編製', '法令遵循', '資金調度',
    ],
    knowledge: [
      '=一般公認會計原則', '財務管理:concept', '金融:law', '證券交易:law', '保險:law', '洗錢防制:law', '=投資理論',
      '金融商品:knowledge', '成本會計:concept', '=國際財務報導準則', '信用風險:concept',
    ],
    objects: [
      '財務報表=資產負債表、綜合損益表、現金流量表', '會計帳務', '預算執行', '投資方案', '授信案件',
      '客戶資產=存款、基金、保險商品、有價證券', '稅務申報', '內部控制', '資金調度',
      '財務風險=市場風險、信用風險、流動性風險、作業風險', '理財規劃',
    ],
    titles: ['財務分析師', '會計人員', '理財規劃顧問', '授信人員', '保險業務人員', '稽核人員', '證券營業員', '財務主管'],
  },
  care: {
    skills: [
      '照顧服務', '生命徵象測量', '個案評估', '照顧計畫擬定', '緊急救護', '感染控制', '醫病溝通', '身體照顧:技巧',
      '衛生教育指導', '輔具應用', '居家訪視', '資源連結', '個案管理', '心理支持:技巧',
    ],
    knowledge: [
      '長期照顧:law', '醫療:law', '感染管制:concept', '護理:principle', '老人心理:concept', '=人體結構與功能',
      '疾病預防:concept', '社會福利:law', '營養保健:concept', '藥物:common', '失智症照顧:concept',
    ],
    objects: [
      '照顧計畫', '個案需求=生理需求、心理需求、社會需求、經濟需求', '生命徵象=體溫、脈搏、呼吸、血壓', '照顧紀錄',
      '輔具=輪椅、助行器、移位機、氣墊床', '感染控制措施=洗手、配戴口罩、環境消毒、隔離措施',
      '社會資源=長期照顧服務、社會福利補助、志工服務、醫療資源', '家屬溝通', '用藥情形',
      '緊急事件=跌倒、噎食、意識改變、呼吸困難',
    ],
    titles: ['照顧服務員', '居家服務督導員', '醫療行政人員', '個案管理師', '社會工作人員', '病患服務員', '長照服務人員'],
  },
  safety: {
    skills: [
      '危害辨識', '安全檢查', '事故調查', '安全教育訓練', '個人防護具使用', '消防設備操作!', '安全巡檢', '作業環境監測!',
      '職業災害預防', '法律文書撰寫', '契約審閱', '爭議處理',
    ],
    knowledge: [
      '=職業安全衛生管理系統', '=危害通識', '工業衛生:concept', '毒性及關注化學物質:law', '防災:concept',
      '人因工程:principle', '風險評估:method', '=民法', '訴訟:process', '智慧財產權:law',
    ],
    objects: [
      '危害因子=物理性危害、化學性危害、生物性危害、人因性危害', '安全檢查', '防護具=安全帽、防護手套、護目鏡、安全鞋',
      '緊急應變計畫', '事故報告', '作業環境=噪音、照明、溫濕度、粉塵',
      '消防設備=滅火器、消防栓、火警自動警報設備、緩降機', '安全衛生教育訓練',
      '化學品=易燃性物質、腐蝕性物質、毒性化學物質', '承攬作業',
    ],
    titles: ['職業安全衛生管理師', '工業安全管理員', '消防安全管理人員', '保全人員', '法務專員', '環境安全衛生工程師'],
  },
  marketing: {
    skills: [
      '市場分析', '行銷企劃', '產品推廣', '顧客關係管理', '銷售:技巧', '社群媒體經營', '品牌管理', '通路管理',
      '數位行銷', '文案撰寫', '市場調查', '商品陳列', '定價策略規劃', '廣告企劃', '消費者行為分析',
    ],
    knowledge: [
      '行銷管理:concept', '消費者保護:law', '公平交易:law', '廣告:law', '市場調查:method', '消費者行為:theory',
      '品牌管理:concept', '數位行銷:concept', '零售管理:concept', '商品:knowledge',
    ],
    objects: [
      '行銷活動=促銷活動、品牌活動、產品發表會、會員活動', '市場資料', '目標客群', '銷售目標', '行銷預算',
      '顧客資料=基本資料、消費紀錄、偏好資訊、回饋意見', '產品定位', '通路=實體門市、電子商務平台、經銷商、直營專櫃',
      '廣告素材=平面廣告、影音廣告、社群貼文、電子報', '競爭者資訊', '銷售報表',
    ],
    titles: ['行銷企劃人員', '數位行銷專員', '門市銷售人員', '市場研究分析師', '品牌經理', '業務銷售代表', '通路管理專員'],
  },
  hospitality: {
    skills: [
      '餐飲服務', '房務作業', '旅遊行程規劃', '導覽解說', '活動企劃', '菜單設計', '烹調!:技術', '訂房系統操作',
      '顧客抱怨處理', '帶團:技巧',
    ],
    knowledge: [
      '觀光:law', '餐旅管理:concept', '=旅遊地理', '=國際禮儀', '=飲食文化', '旅館作業:process', '食品安全衛生:law',
    ],
    objects: [
      '餐飲服務', '客房', '旅遊行程', '顧客抱怨=服務態度、餐點品質、等候時間、環境整潔', '菜單',
      '食材=生鮮食材、乾貨、冷凍食品、調味料', '訂房資料', '活動場地', '服務流程',
      '設施設備=客房設施、餐廳設備、休閒設施、公共區域',
    ],
    titles: ['餐飲管理人員', '旅館房務主管', '旅遊規劃師', '導覽解說員', '活動企劃專員', '廚務人員', '旅館櫃檯人員'],
  },
  food: {
    skills: [
      '食品加工!', '食品檢驗!', '作物栽培!:技術', '病蟲害防治', '動物飼養!:技術', '農場經營管理', '環境衛生管理',
      '廢棄物處理', '水質檢測!',
    ],
    knowledge: [
      '食品安全衛生:law', '農藥管理:law', '=HACCP食品安全管制系統', '=土壤與肥料', '植物保護:concept', '動物保護:law',
      '廢棄物清理:law', '食品加工:principle', '食品微生物:concept',
    ],
    objects: [
      '作物生產', '食品原料=農產品、水產品、畜產品、食品添加物', '加工流程', '衛生管理=人員衛生、環境衛生、設備衛生、作業衛生',
      '檢驗樣品', '病蟲害=葉斑病、蚜蟲、薊馬、根腐病', '田間作業', '包裝標示',
      '廢棄物=一般廢棄物、有機廢棄物、事業廢棄物、資源回收物', '生產紀錄',
    ],
    titles: ['食品加工技術員', '食品檢驗人員', '農場經營管理人員', '作物栽培技術員', '環境衛生管理人員', '畜牧場管理人員'],
  },
  construction: {
    skills: ['施工規劃', '工程估價', '工地管理', '測量!:技術', '結構分析!', '建築設計', '圖說判讀', 'BIM建模!:技術'],
    knowledge: [
      '建築:law', '施工:process', '建築材料:knowledge', '結構力學:principle', '工程契約:knowledge', '營建管理:concept',
    ],
    objects: [
      '施工計畫', '工程圖說=建築圖、結構圖、水電圖、施工詳圖', '工程進度', '建築材料=鋼筋、混凝土、模板、磁磚', '工地安全',
      '工程預算', '品質查驗', '測量資料', '施工機具=挖土機、起重機、混凝土泵浦車、高空作業車', '分包廠商',
    ],
    titles: ['營造工程管理人員', '建築設計師', '工地主任', '工程測量技術員', '室內裝修工程人員', '工程估價師'],
  },
  education: {
    skills: ['課程設計', '教學:技巧', '班級經營', '學習評量', '教材編製', '學生輔導', '教學科技應用'],
    knowledge: ['教育:law', '=教育心理學', '課程發展:theory', '成人學習:theory', '學習評量:method'],
    objects: [
      '課程規劃', '教學活動', '教材=講義、簡報、學習單、數位教材', '學習評量=紙筆測驗、實作評量、口頭報告、學習歷程檔案',
      '學員需求', '班級經營', '教學資源', '輔導紀錄',
    ],
    titles: ['課程設計師', '職業訓練師', '教育行政人員', '訓練規劃專員', '補習班教學人員'],
  },
  media: {
    skills: ['影音剪輯!', '攝影!:技術', '視覺設計', '版面編排', '腳本撰寫', '文字編輯', '動畫製作!'],
    knowledge: ['著作權:law', '=色彩學', '=設計原理', '傳播:theory', '印刷:process', '影視製作:process'],
    objects: [
      '拍攝腳本', '影音素材=影片、音訊、照片、字幕', '視覺設計', '出版品', '版面設計', '印製流程', '製作預算', '發行計畫',
      '後製作業=剪輯、調色、混音、特效',
    ],
    titles: ['影音製作人員', '視覺設計師', '出版編輯', '印刷技術人員', '數位內容企劃', '攝影師'],
  },
};

/** The domains of each 職類別 code; a code not listed falls back to its cluster letter. */
export const CATEGORY_DOMAINS: Record<string, readonly Domain[]> = {
  BHR: ['hr', 'management'],
  BIM: ['it', 'management'],
  BLM: ['logistics', 'management'],
  HBR: ['care', 'manufacturing'],
  IDC: ['it', 'media'],
  MMP: ['logistics', 'manufacturing'],
  MIM: ['safety', 'manufacturing'],
  NEP: ['food', 'safety'],
  TFB: ['hospitality', 'food'],
  SET: ['manufacturing', 'it'],
  SMS: ['manufacturing', 'it'],
};

export const CLUSTER_DOMAINS: Record<string, readonly Domain[]> = {
  A: ['media'],
  B: ['management'],
  C: ['construction'],
  E: ['education'],
  F: ['finance'],
  G: ['management'],
  H: ['care'],
  I: ['it'],
  K: ['marketing'],
  L: ['safety'],
  M: ['manufacturing'],
  N: ['food'],
  P: ['care'],
  R: ['logistics'],
  S: ['manufacturing'],
  T: ['hospitality'],
};

/**
 * Per career cluster: how often its standards occur, the occupation groups (code prefixes of the
 * occupational classification) and the industry codes its standards are filed under, the most common
 * first.
 */
export interface ClusterProfile {
  weight: number;
  occupations: readonly string[];
  industries: readonly string[];
}

export const CLUSTER_PROFILES: Record<string, ClusterProfile> = {
  A: { weight: 0.8, occupations: ['217', '264', '265', '343', '352', '732'], industries: ['J58', 'J59', 'J60', 'R90', 'C16', 'M73', 'M74'] },
  B: {
    weight: 3,
    occupations: ['112', '121', '242', '334', '333', '411', '491', '132', '241'],
    industries: ['M7010', 'M70', 'M701', 'M7020', 'M702', 'N78', 'N82', 'G45', 'G47', 'H52', 'J63'],
  },
  C: { weight: 1, occupations: ['214', '216', '312', '711', '712', '713', '931'], industries: ['F41', 'F42', 'F43', 'M71', 'L67'] },
  E: { weight: 0.8, occupations: ['231', '232', '233', '234', '239'], industries: ['P85', 'N78'] },
  F: { weight: 1.5, occupations: ['241', '331', '421', '431', '332'], industries: ['K64', 'K65', 'K66', 'M69'] },
  H: { weight: 1.5, occupations: ['213', '221', '222', '226', '229', '314', '321', '322', '532'], industries: ['Q86', 'Q87', 'C20', 'M72'] },
  I: { weight: 2, occupations: ['133', '251', '252', '351', '352'], industries: ['J62', 'J63', 'J61', 'J58'] },
  K: { weight: 2, occupations: ['122', '243', '332', '522', '142'], industries: ['G45', 'G47', 'M73', 'I56', 'J63'] },
  L: { weight: 1, occupations: ['261', '341', '540', '335'], industries: ['M69', 'N80', 'O83'] },
  M: {
    weight: 3,
    occupations: ['132', '214', '215', '311', '312', '313', '723', '742', '812', '820', '817'],
    industries: ['C25', 'C26', 'C27', 'C28', 'C29', 'C22', 'C30', 'C34', 'C18'],
  },
  N: { weight: 1, occupations: ['131', '213', '601', '602', '603', '791', '816', '314'], industries: ['A01', 'A02', 'A03', 'C08', 'C09', 'E38', 'E37'] },
  P: { weight: 1, occupations: ['263', '341', '531', '532', '514', '515'], industries: ['Q87', 'Q88', 'S96'] },
  R: { weight: 1.5, occupations: ['132', '432', '833', '834', '933', '332'], industries: ['H49', 'H50', 'H51', 'H52', 'H53', 'H54'] },
  S: { weight: 0.8, occupations: ['211', '212', '214', '215', '311', '251'], industries: ['M71', 'M72', 'C26', 'C27'] },
  T: { weight: 1.5, occupations: ['141', '511', '512', '513', '343', '149'], industries: ['I55', 'I56', 'N79', 'R93'] },
};

/** Attitudes (職能內涵 A) with the description standards give them; earlier ones are more common. */
export const ATTITUDES: readonly (readonly [string, string])[] = [
  ['主動積極', '不需他人指示或要求能自動自發做事，面臨問題立即採取行動加以解決，且為達目標願意主動承擔額外責任。'],
  ['持續學習', '能夠展現持續學習的企圖心，利用且積極參與各種機會，學習任務所需的新知識與能力，並能有效應用在特定任務。'],
  ['團隊意識', '積極參與並支持團隊，能彼此鼓勵共同達成團隊目標。'],
  ['正直誠實', '展現高道德標準及值得信賴的行為，且能以維持組織誠信為行事原則，瞭解違反組織、自己及他人的道德標準之影響。'],
  ['謹慎細心', '對於任務的執行過程，能謹慎考量及處理所有細節，精確地檢視每個程序，並持續對其保持高度關注。'],
  ['壓力容忍', '冷靜且有效地應對及處理高度緊張的情況或壓力，如緊迫的時間、不友善的人、各類突發事件及危急狀況，並能以適當的方式紓解自身壓力。'],
  ['彈性', '能夠敞開心胸，調整行為或工作方法以適應新資訊、變化的情況或不同的環境。'],
  ['顧客導向', '具有以客戶為優先的服務意識，能主動瞭解並滿足客戶需求，提供適切的服務。'],
  ['應對不確定性', '當狀況不明或問題不夠具體的情況下，能在必要時採取行動，以有效釐清模糊不清的態勢。'],
  ['品質導向', '專注於工作的準確性與完整性，遵守作業規範與程序，以確保工作成果符合品質要求。'],
  ['責任感', '對於承諾的工作能負責到底，確實完成任務並承擔結果。'],
  ['自我控制', '在面對他人之反對、敵意、挑釁或壓力等情境時，能保持冷靜，並且控制負面情緒或行為。'],
  ['親和力', '對他人表現理解、友善、同理心、關心和體貼，並能與他人建立及維持良好關係。'],
  ['追求卓越', '努力將工作做到最好，設定具挑戰性的目標，並持續尋求改善的方法。'],
  ['創新', '能夠以新的觀點思考問題，提出創新的想法與解決方案，並勇於嘗試。'],
  ['分析性思考', '能夠將複雜的問題拆解為多個部分，有系統地分析資訊，找出問題的關鍵。'],
  ['服務熱忱', '對服務工作展現熱情與耐心，樂於協助他人解決問題。'],
  ['安全意識', '重視作業安全，遵守安全規範，主動發現並排除潛在危害。'],
  ['自律', '能遵守組織規範與工作紀律，在沒有監督的情況下仍能確實執行工作。'],
  ['自信心', '相信自己的能力與判斷，在面對挑戰時能勇於表達意見並採取行動。'],
  ['正向思考', '以積極樂觀的態度面對工作挑戰與困難。'],
];

/** Verbs that open a responsibility (主要職責). */
export const RESPONSIBILITY_VERBS = ['規劃', '執行', '管理', '評估', '推動', '維護', '監督', '改善', '建立', '發展', '督導'] as const;

/** What some responsibilities add after `verb + object`: `推動作業流程並確保其有效運作`. */
export const RESPONSIBILITY_SUFFIXES = ['', '', '', '相關作業', '並確保其有效運作', '以符合組織需求', '以提升整體營運效能'] as const;

/** Verbs that open a task (工作任務) or an indicator. */
export const TASK_VERBS = [
  '分析', '評估', '規劃', '執行', '確認', '建立', '維護', '監控', '檢視', '彙整', '審查', '提出', '制定', '追蹤',
  '調查', '協調', '記錄', '改善',
] as const;

/** What a task does to its object, after `verb + object`: `評估營運計畫的執行成效`. */
export const TASK_SUFFIXES = ['', '', '', '的需求', '的執行成效', '相關資料', '的風險', '的品質', '的改善方案'] as const;

/** Kinds of document a task produces (工作產出): `營運計畫` + `評估報告`. */
export const OUTPUT_KINDS = [
  '報告', '紀錄表', '檢核表', '評估報告', '分析報告', '清單', '計畫書', '規範', '作業手冊', '會議紀錄', '規格書', '執行紀錄',
] as const;

export const REFERENCES = ['組織規範', '相關法規', '作業標準', '公司政策', '專案目標', '客戶需求', '標準作業程序', '主管指示', '年度計畫'] as const;

export const GOALS = [
  '提升作業效率', '降低營運風險', '確保作業品質', '達成組織目標', '符合法規要求', '有效控制成本', '提升顧客滿意度',
  '確保作業安全', '掌握執行進度', '促進資源有效運用',
] as const;

export const ASPECTS = ['執行成效', '可行性', '潛在風險', '成本效益', '執行進度', '品質', '完整性', '正確性'] as const;

export const PARTIES = ['利益關係人', '相關部門', '客戶', '供應商', '主管', '團隊成員'] as const;

/** Requirements (建議擔任此職類/職業之學歷/經歷/或能力條件) of a standard. */
export const REQUIREMENTS = [
  '高中職以上畢業，且具3年以上相關工作經歷。',
  '大專以上畢業，且具1年以上相關工作經驗。',
  '大學以上相關科系畢業，或具2年以上相關工作經驗。',
  '高中職以上畢業，具相關技術士證照者尤佳。',
  '具備基本電腦操作能力者尤佳。',
  '具5年以上相關工作經驗，其中2年以上擔任管理職務。',
] as const;

/** 其他補充說明 lines that are not `term：definition` entries. */
export const OTHER_NOTES = [
  '本職能基準適用於相關產業之從業人員。',
  '職能級別之判定參考勞動部職能基準發展指引。',
  '本職能基準可作為課程規劃與人才培訓之參考。',
  '工作任務之執行應遵循所屬組織之內部規範。',
] as const;

/** Parts of 評量設計參考. */
export const ASSESSMENT_CONTEXTS = [
  '相關法規、標準和指導方針。', '工作場所的設備與工具。', '模擬情境或實際工作環境。', '受評者過去的工作紀錄與文件。',
  '組織的作業程序與規範文件。', '訓練紀錄和會議備忘錄。',
] as const;

export const ASSESSMENT_METHODS = [
  '綜合審查受評者提供的績效證據及第三方提供的工作表現報告。', '實作觀察。', '情境模擬演練。', '作品集審查。',
  '利益關係人回饋的分析。', '口頭和/或書面詢問。', '工作成果的審查。',
] as const;

/** Update notes (更新紀錄) of a unit; `年` is preceded by the year. */
export const REVISION_NOTES = ['修訂職能內容。', '更新評量設計參考。', '修訂職能內涵。', '調整工作任務與行為指標。', '修訂說明與補充事項。'] as const;

/** Definitions a standard's 其他補充說明 may give for a term (`term：definition`). */
export const GLOSSARY: readonly (readonly [string, string])[] = [
  ['利益關係人', '包含企業負責人、股東、供應商、公部門及員工等。'],
  ['營運資源', '包含人力、設備、資金及資訊系統等。'],
  ['作業標準', '指組織為確保工作品質所訂定之程序與規範。'],
  ['相關法規', '包含中央及地方主管機關所訂定之法律與命令。'],
  ['客戶', '包含組織內部及外部之服務對象。'],
];
