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

# 8. a digitally signed letter: นร ๑๒ signs its external letters with PAdES signatures (its agency setting)
OPDC_DIRECTOR=74b09cb5-ef9a-3111-9157-7fabda4904e8   # opdc.director, the signatory
OPDC_HEAD=fcaaea9d-9af2-33dc-9f2f-85f9d772e066       # opdc.head, who approves and adds the visa
SIGNED=$(curl -s -u opdc.officer:demo -H 'Content-Type: application/json' $API/letters -d '{
  "kind": "EXTERNAL",
  "subject": "ขอส่งรายงานผลการพัฒนาระบบราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
  "salutation": "เรียน",
  "to": [{"agencyCode": "สพร", "position": "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล"}],
  "body": ["ด้วยสำนักงาน ก.พ.ร. ได้จัดทำรายงานผลการพัฒนาระบบราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เสร็จแล้ว",
           "จึงเรียนมาเพื่อโปรดทราบ"],
  "closing": "ขอแสดงความนับถือ",
  "signatory": "'$OPDC_DIRECTOR'",
  "ownerUnit": {"name": "กองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร", "phone": "๐ ๒๓๕๖ ๙๙๙๙"}
}' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -u opdc.officer:demo -H 'Content-Type: application/json' $API/letters/$SIGNED/submit -d '{"approverId": "'$OPDC_HEAD'"}' | grep -o '"status":"[A-Z_]*"'
# approval issues the number now and makes the PDF of record (PDF/A-3b) with the head's visa on it
curl -s -u opdc.head:demo -X POST $API/letters/$SIGNED/approve | grep -o '"number":"[^"]*"\|"step":"[A-Z_]*"'
# the director signs that same PDF (PAdES, timestamped, with its validation data); the clerk sends it
curl -s -u opdc.director:demo -H 'Content-Type: application/json' $API/letters/$SIGNED/sign \
  -d '{"typedName": "นางนภาพร จันทร์หอม"}' | grep -o '"status":"[A-Z_]*"\|"method":"[A-Z_]*"'
SIGNED_COPY=$(curl -s -u opdc.clerk:demo -X POST $API/letters/$SIGNED/dispatch | grep -o '"copyId":"[^"]*"' | head -1 | cut -d'"' -f4)

# 9. สพร receives it: the PDF is verified as it is received (the result is recorded on the copy), then stamped
sleep 1
curl -s -u dga.clerk:demo -X POST $API/letters/$SIGNED_COPY/receive | grep -o '"valid":[a-z]*\|"summaryThai":"[^"]*"' | head -2

# 10. anyone may check the PDF, without logging in: both signatures intact and trusted, the stamp added after them
curl -s -u dga.clerk:demo $API/letters/$SIGNED_COPY/pdf -o signed-letter.pdf
curl -s -F file=@signed-letter.pdf $API/verify | grep -o '"valid":[a-z]*\|"signerName":"[^"]*"\|"level":"[^"]*"\|"detail":"Stamp[^"]*"\|"summaryThai":"[^"]*"'
