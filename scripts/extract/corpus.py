# Article texts for the extraction dev set (fixtures/extract). All sentences are written for NewsDesk; names,
# companies and events are invented. Each article: title, paragraphs, optional captions.
KO = {
 "chip": dict(title="국내 반도체 장비 수출, 석 달 연속 늘어", paras=[
  "국내 반도체 장비 업체들의 해외 수출이 석 달 연속 증가한 것으로 집계됐다.",
  "한빛산업협회가 19일 발표한 자료에 따르면 지난달 장비 수출액은 작년 같은 달보다 12% 늘어난 8억 달러를 기록했다.",
  "협회는 대만과 미국의 신규 공장 투자가 이어지면서 식각과 세정 장비 주문이 크게 늘었다고 설명했다.",
  "다만 일부 중소 업체는 부품 조달 기간이 길어져 납기를 맞추기 어렵다는 목소리를 내고 있다.",
  "협회 관계자는 \"하반기에도 주문 흐름은 이어지겠지만 환율 변동이 변수\"라고 말했다."]),
 "ai": dict(title="중견 게임사들, 생성형 AI로 캐릭터 대사 만든다", paras=[
  "중견 게임사들이 생성형 인공지능을 활용해 캐릭터 대사와 퀘스트 문장을 만드는 작업에 속도를 내고 있다.",
  "푸른별게임즈는 다음 달 출시하는 모바일 게임에 자체 언어 모델로 만든 대사 3만 줄을 넣었다고 밝혔다.",
  "회사 측은 작가가 초안을 검토하고 고치는 방식이라 품질 관리에는 문제가 없다고 강조했다.",
  "업계에서는 제작 기간을 크게 줄일 수 있다는 기대와 함께 저작권 문제를 먼저 정리해야 한다는 지적도 나온다.",
  "한 개발자는 \"반복적인 문장 작업이 줄어 이야기 구조를 설계하는 데 더 많은 시간을 쓰게 됐다\"고 전했다."]),
 "baseball": dict(title="새봄 타이거즈, 연장 접전 끝에 개막 3연승", paras=[
  "새봄 타이거즈가 연장 11회 접전 끝에 개막 3연승을 달렸다.",
  "타이거즈는 19일 홈구장에서 열린 경기에서 푸른 돌핀스를 5대4로 꺾었다.",
  "4대4로 맞선 11회말 2사 2루에서 신인 외야수 김하람이 끝내기 적시타를 때렸다.",
  "선발 투수 박지온은 6이닝 동안 삼진 8개를 잡아내며 2실점으로 호투했다.",
  "감독은 경기 뒤 \"어린 선수들이 끝까지 집중해 준 덕분\"이라며 \"다음 원정에서도 흐름을 이어가겠다\"고 말했다."]),
 "soccer": dict(title="한강FC 주장 이도윤, 두 달 만에 부상 복귀", paras=[
  "한강FC 주장 이도윤이 발목 부상을 털고 두 달 만에 그라운드에 돌아왔다.",
  "이도윤은 주말 리그 경기에서 후반 20분 교체로 들어가 25분가량 뛰며 팀의 2대0 승리를 도왔다.",
  "구단 의료진은 재활 과정이 예상보다 빨랐다며 다음 경기부터 선발 출전도 가능하다고 판단했다.",
  "이도윤은 \"벤치에서 동료들을 보며 많이 배웠다\"며 \"남은 시즌 모든 경기에 나서고 싶다\"고 말했다."]),
 "drama": dict(title="배우 윤서아, 새 드라마서 시골 수의사 역 맡는다", paras=[
  "배우 윤서아가 새 드라마에서 시골 마을의 수의사 역을 맡는다.",
  "제작사 달빛스튜디오는 19일 윤서아가 주말 드라마 '초록 들판'의 주인공으로 출연을 확정했다고 밝혔다.",
  "윤서아는 도시 병원을 떠나 고향 마을로 돌아온 수의사 한여름 역을 연기한다.",
  "제작진은 \"밝으면서도 단단한 인물을 자연스럽게 표현할 배우\"라며 캐스팅 이유를 설명했다.",
  "드라마는 올여름 촬영을 시작해 내년 초 방송될 예정이다."]),
 "idol": dict(title="그룹 스텔라웨이브, 첫 월드투어 일정 공개", paras=[
  "그룹 스텔라웨이브가 데뷔 후 첫 월드투어 일정을 공개했다.",
  "소속사에 따르면 스텔라웨이브는 오는 6월 서울 공연을 시작으로 도쿄, 방콕, 로스앤젤레스 등 12개 도시를 찾는다.",
  "멤버들은 이번 투어를 위해 새 편곡 무대와 팬들이 직접 고른 수록곡 무대를 준비하고 있다.",
  "서울 공연 예매는 다음 달 첫째 주에 열린다."]),
 "weather": dict(title="[날씨] 내일 전국 흐리고 비…낮 기온 평년보다 낮아", paras=[
  "목요일인 내일은 전국이 흐리고 곳곳에 비가 내리겠다.",
  "비는 새벽 제주도에서 시작해 오후에는 중부지방까지 확대되겠으며 예상 강수량은 5∼20㎜다.",
  "낮 최고기온은 12∼17도로 평년보다 조금 낮겠다."]),
 "econ": dict(title="가계대출 증가세 주춤…주택담보대출은 여전히 늘어", paras=[
  "지난달 은행권 가계대출 증가 폭이 전달보다 줄어든 것으로 나타났다.",
  "중앙은행이 19일 발표한 자료를 보면 지난달 말 은행 가계대출 잔액은 한 달 새 2조 원 늘어 증가 폭이 절반 수준으로 줄었다.",
  "신용대출은 줄었지만 주택담보대출은 이사 수요가 이어지면서 3조 원 가까이 늘었다.",
  "당국은 봄 이사철이 끝나는 다음 달까지 대출 흐름을 면밀히 지켜보겠다는 입장이다.",
  "전문가들은 금리 인하 기대가 커질 경우 대출 수요가 다시 늘 수 있다고 내다봤다."]),
 "photo": dict(title="[포토] 벚꽃 아래 산책하는 시민들", paras=[
  "19일 오후 서울 여의도 윤중로를 찾은 시민들이 활짝 핀 벚꽃 아래를 걷고 있다."], captions=["활짝 핀 벚꽃길을 걷는 시민들"]),
 "brief": dict(title="서울시, 주말 도심 자전거 대회로 일부 도로 통제", paras=[
  "서울시는 오는 일요일 오전 7시부터 11시까지 도심 자전거 대회가 열려 세종대로와 강변북로 일부 구간 차량 통행을 통제한다고 19일 밝혔다."]),
 "phone": dict(title="접는 스마트폰 신제품, 배터리 용량 20% 늘려", paras=[
  "한결전자가 배터리 용량을 20% 늘린 접는 스마트폰 신제품을 공개했다.",
  "신제품은 두께를 0.5㎜ 줄이면서도 더 큰 배터리를 넣어 하루 종일 쓸 수 있도록 했다.",
  "화면을 접는 부분의 주름도 눈에 덜 띄도록 경첩 구조를 새로 설계했다.",
  "회사는 다음 달 국내를 시작으로 30여 개 나라에 순차 출시할 계획이다.",
  "출고가는 전작과 같은 수준으로 정해질 것으로 알려졌다."], captions=["한결전자가 공개한 접는 스마트폰 신제품"]),
 "cloud": dict(title="클라우드 업계, 공공 시장 보안 인증 경쟁 치열", paras=[
  "국내 클라우드 기업들이 공공기관 시장을 잡기 위해 보안 인증 확보 경쟁에 나섰다.",
  "공공기관이 민간 클라우드를 쓰려면 보안 인증을 받은 서비스만 이용할 수 있기 때문이다.",
  "올해 들어서만 5개 기업이 새로 인증을 받았고, 3개 기업이 심사를 기다리고 있다.",
  "업계는 인증 기간이 길고 비용 부담이 크다며 절차를 간소화해 달라고 요구하고 있다.",
  "정부는 하반기 중 제도 개선안을 내놓을 예정이다."]),
 "volley": dict(title="여자배구 하늘드림, 챔피언결정전 1차전 역전승", paras=[
  "여자배구 하늘드림이 챔피언결정전 1차전에서 먼저 두 세트를 내주고도 역전승을 거뒀다.",
  "하늘드림은 19일 안방에서 열린 경기에서 세트 스코어 3대2로 이겼다.",
  "주포 정다온은 양 팀 최다인 31점을 올리며 승리를 이끌었다.",
  "2차전은 이틀 뒤 같은 장소에서 열린다."]),
 "movie": dict(title="영화 '마지막 기차', 개봉 첫 주말 100만 관객 돌파", paras=[
  "영화 '마지막 기차'가 개봉 첫 주말 누적 관객 100만 명을 넘었다.",
  "배급사는 개봉 나흘 만에 100만 관객을 모았다며 올해 개봉한 한국 영화 가운데 가장 빠른 기록이라고 밝혔다.",
  "영화는 폐선을 앞둔 시골 기차역을 배경으로 역무원과 승객들의 마지막 하루를 그렸다.",
  "관객 평점도 높아 입소문에 따른 흥행이 이어질 것으로 보인다."]),
 "city": dict(title="구도심 빈 점포, 청년 공방으로 다시 문 연다", paras=[
  "구도심의 빈 점포들이 청년 공방으로 다시 문을 연다.",
  "시는 원도심 상가 40곳을 빌려 목공과 도자기, 가죽 공예를 하는 청년 창작자에게 2년간 무료로 빌려준다고 밝혔다.",
  "입주자에게는 판매 교육과 온라인 상점 개설도 지원한다.",
  "상인회는 유동 인구가 늘어 주변 상권에도 도움이 될 것이라며 반겼다.",
  "시는 사업 성과를 보고 대상 점포를 100곳까지 늘릴 계획이다."]),
 "robot": dict(title="물류센터 로봇 도입 확산…야간 작업 절반으로 줄어", paras=[
  "대형 물류센터에 상품을 옮기는 로봇 도입이 빠르게 늘고 있다.",
  "한 물류업체는 지난해 로봇 200대를 들인 뒤 야간 작업 인력을 절반으로 줄였다고 밝혔다.",
  "로봇이 선반을 통째로 작업자 앞으로 가져오기 때문에 작업자가 걷는 거리가 크게 줄었다.",
  "노동계는 일자리가 줄어드는 만큼 재교육과 전환 배치 대책이 필요하다고 주장했다."]),
 "edu": dict(title="초등학교 방과후 코딩 수업, 내년 전국으로 확대", paras=[
  "초등학교 방과후 코딩 수업이 내년부터 전국으로 확대된다.",
  "교육 당국은 올해 시범 운영한 300개 학교의 만족도가 높아 내년에는 모든 지역에서 희망 학교를 받기로 했다.",
  "수업은 블록 코딩으로 시작해 간단한 게임과 로봇 제어까지 다룬다.",
  "교사 연수와 교구 구입 비용은 지방자치단체와 나눠 부담한다."]),
 "hiking": dict(title="가을 단풍 산행, 안전수칙 꼭 지키세요", paras=[
  "단풍철을 맞아 산을 찾는 사람이 늘면서 산악 사고도 잇따르고 있다.",
  "소방 당국에 따르면 최근 3년 동안 가을철 산악 사고의 절반가량이 길을 잃거나 넘어져 다친 경우였다.",
  "해가 빨리 지는 만큼 오후 4시 이전에 하산을 시작하고, 정해진 등산로를 벗어나지 않는 것이 좋다.",
  "당국은 휴대전화 배터리를 넉넉히 챙기고 출발 전 가족에게 산행 경로를 알려 달라고 당부했다."]),
}

EN = {
 "transit": dict(title="City council approves late-night bus network", paras=[
  "The city council has approved a network of late-night bus routes that will run every 20 minutes between midnight and 5am.",
  "Councillors voted 31 to 9 in favour of the plan, which links the hospital district, the university and the two largest housing estates.",
  "Supporters said shift workers had waited years for a reliable way home, while opponents questioned the cost of the extra drivers.",
  "\"This is about people who keep the city running while the rest of us sleep,\" said the transport committee chair, Maria Holloway.",
  "The first routes are expected to start in September, with a review after twelve months."]),
 "battery": dict(title="Start-up says its sodium battery survives 10,000 charges", paras=[
  "A battery start-up says its sodium-ion cells kept 90 percent of their capacity after 10,000 charge cycles in laboratory tests.",
  "The company, Northfield Cells, plans to sell the batteries for home storage first, where weight matters less than price and lifespan.",
  "Sodium is cheaper and easier to source than lithium, but the cells store less energy for their size.",
  "Independent researchers said the results were promising but would need to be confirmed outside the company's own lab.",
  "Northfield expects to open a pilot factory next year and to ship its first units to installers in the spring."]),
 "phoneapp": dict(title="The new budget phone gets the basics right and skips the gimmicks", paras=[
  "Cheap phones used to mean slow screens and cameras that struggled indoors, but this year's budget models have closed much of the gap.",
  "The latest entry has a bright 120Hz display, a battery that lasted two full days in our testing, and a headphone jack.",
  "Its main camera is fine in daylight and noticeably weaker at night, where photos turn soft and noisy.",
  "The bigger question is software support: the maker promises four years of security updates, which is better than most rivals at this price.",
  "If you want a phone that does the basics well without a long contract, it is an easy recommendation."], captions=["The phone comes in three colours."]),
 "election": dict(title="Turnout rises in regional elections as polling hours extended", paras=[
  "Turnout in Sunday's regional elections rose to 64 percent, the highest level in two decades, officials said.",
  "Polling stations stayed open two hours longer than in previous years after a change to the electoral law.",
  "Election monitors reported long queues in several cities in the early evening but said voting was orderly.",
  "Final results are expected on Tuesday, when postal ballots have been counted."]),
 "museum": dict(title="Museum returns carved panels to island community", paras=[
  "A national museum has returned six carved wooden panels to the island community they were taken from more than a century ago.",
  "The panels were handed over at a ceremony attended by elders, schoolchildren and the museum's director.",
  "The museum said new research into how the panels were acquired had made the case for their return clear.",
  "Community leaders plan to display them in a new cultural centre that is due to open next year.",
  "\"They are coming home to the people who know their stories,\" one elder said."]),
 "rates": dict(title="Central bank holds rates, signals cut possible later this year", paras=[
  "The central bank kept its main interest rate unchanged on Wednesday but said a cut could come later this year if inflation keeps easing.",
  "Policymakers voted 7 to 2 to hold the rate at 4.25 percent, with the two dissenters favouring an immediate quarter-point cut.",
  "Inflation fell to 2.8 percent last month, its lowest level in three years, helped by lower energy prices.",
  "The governor said the bank wanted to see more evidence that wage growth was slowing before acting."]),
 "wordpress": dict(title="Five things I learned building a garden shed", paras=[
  "Last summer I decided to build a garden shed from scratch, with no plans beyond a sketch on the back of an envelope.",
  "The first lesson was that a level base matters more than anything else; every mistake there shows up later in the doors.",
  "Second, buy more screws than you think you need, and buy them all at once so they match.",
  "Third, a second pair of hands is worth more than any power tool when it comes to lifting the roof panels.",
  "Finally, paint before you assemble if you can: reaching behind the finished walls is miserable.",
  "The shed is not perfect, but it is dry, it is mine, and the tools finally have a home."]),
 "storm": dict(title="Storm cuts power to thousands along the coast", paras=[
  "A storm with gusts of up to 110 kilometres per hour cut power to about 40,000 homes along the coast overnight.",
  "Crews worked through the morning to clear fallen trees from roads and restore electricity.",
  "The weather service said winds would ease by the afternoon but warned of high waves until Friday.",
  "No serious injuries were reported."]),
}
