# 1. สพร's officer drafts an external letter to สำนักเลขาธิการคณะรัฐมนตรี (นร ๐๕), signed by the director
API=http://localhost:8080/api
DIRECTOR=1eef870e-a50a-3e33-9580-22dbc578ba4b   # dga.director in the demo directory (see GET /api/people)
LETTER=$(curl -s -u dga.officer:demo -H 'Content-Type: application/json' $API/letters -d '{
  "kind": "EXTERNAL", "urgency": "URGENT",
  "subject": "ขอเชิญประชุมคณะกรรมการขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ",
  "salutation": "เรียน",
  "to": [{"agencyCode": "นร ๐๕", "position": "เลขาธิการคณะรัฐมนตรี"}],
  "body": ["ด้วยสำนักงานพัฒนารัฐบาลดิจิทัลกำหนดจัดการประชุมคณะกรรมการฯ ครั้งที่ ๒/๒๕๖๙",
           "จึงเรียนมาเพื่อโปรดพิจารณา"],
  "closing": "ขอแสดงความนับถือ",
  "signatory": "'$DIRECTOR'",
  "ownerUnit": {"name": "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ", "phone": "๐ ๒๖๑๒ ๖๐๐๐"}
}' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "letter $LETTER"

# 2. submit to the director, who approves and signs (typed-name signature, No.4)
curl -s -u dga.officer:demo -H 'Content-Type: application/json' $API/letters/$LETTER/submit -d '{"approverId": "'$DIRECTOR'"}' | grep -o '"status":"[A-Z_]*"'
curl -s -u dga.director:demo -X POST $API/letters/$LETTER/approve | grep -o '"status":"[A-Z_]*"'
curl -s -u dga.director:demo -X POST $API/letters/$LETTER/sign | grep -o '"status":"[A-Z_]*"'

# 3. สพร's clerk dispatches: the number (ที่) comes from the sending register
curl -s -u dga.clerk:demo -X POST $API/letters/$LETTER/dispatch | grep -o '"number":"[^"]*"'

# 4. นร ๐๕'s clerk finds it in the inbox and receives it: เลขรับ and stamp time
sleep 1
COPY=$(curl -s -u soc.clerk:demo "$API/inbox?status=DELIVERED" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -u soc.clerk:demo -X POST $API/letters/$COPY/receive | grep -o '"receivingNumber":"[^"]*"\|"receivedAtThai":"[^"]*"'

# 5. route (เกษียน) to กองนิติธรรม (unit ๐๓); its officer acknowledges and completes
ROUTE=$(curl -s -u soc.clerk:demo -H 'Content-Type: application/json' $API/letters/$COPY/routes \
  -d '{"toUnit": "๐๓", "instruction": "เสนอกองนิติธรรมพิจารณาดำเนินการ", "dueDate": "2099-12-31"}' \
  | grep -o '"routeId":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -u soc.officer:demo -X POST $API/letters/$COPY/routes/$ROUTE/acknowledge > /dev/null
curl -s -u soc.officer:demo -H 'Content-Type: application/json' $API/letters/$COPY/routes/$ROUTE/complete -d '{"note": "ดำเนินการแล้ว"}' > /dev/null

# 6. file it (เก็บ) for ten years
curl -s -u soc.clerk:demo -H 'Content-Type: application/json' $API/letters/$COPY/file \
  -d '{"fileCode": "นร ๐๕.๑๒/๒๕๖๙", "retentionYears": 10}' | grep -o '"status":"[A-Z]*"\|"stamp":"[^"]*"'

# 7. the registers, the sender's delivery record and the history
YEAR=$(( $(date +%Y) + 543 ))
curl -s -u soc.clerk:demo "$API/registers/%E0%B8%99%E0%B8%A3%20%E0%B9%90%E0%B9%95/received/$YEAR?format=csv"
curl -s -u dga.clerk:demo "$API/registers/%E0%B8%AA%E0%B8%9E%E0%B8%A3/sent/$YEAR?format=csv"
curl -s -u dga.clerk:demo $API/letters/$LETTER | grep -o '"status":"ACKNOWLEDGED"\|"unacknowledged":[a-z]*'
curl -s -u soc.clerk:demo $API/letters/$COPY/history | grep -o '"what":"[^"]*"'
