# gdbench figure (saddle escape): double-well: iterations to escape the saddle
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: saddle-escape-double-well.dat
# render: gnuplot saddle-escape-double-well.gp  (writes saddle-escape-double-well.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'saddle-escape-double-well.png'
set encoding utf8
set datafile missing '?'
set title 'double-well: iterations to escape the saddle'
set xlabel 'optimizer'
set ylabel 'iterations to escape'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#E69F00' lw 2 dt 2 pt 5 ps 0.8
set linetype 2 lc rgb '#56B4E9' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set style boxplot outliers pointtype 7
set style fill solid 0.25 border
set boxwidth 0.5
set xrange [0.4:2.6]
set xtics ('sgd[lr=0.05]' 1, 'sgd[lr=0.1]' 2) rotate by -20 left
plot 'saddle-escape-double-well.dat' index 0 using 1:2 with boxplot lt 1 title 'sgd[lr=0.05] (5/5 escaped)', \
     'saddle-escape-double-well.dat' index 0 using 1:2 with points lt 1 pt 6 ps 0.7 notitle, \
     'saddle-escape-double-well.dat' index 1 using 1:2 with boxplot lt 2 title 'sgd[lr=0.1] (5/5 escaped)', \
     'saddle-escape-double-well.dat' index 1 using 1:2 with points lt 2 pt 6 ps 0.7 notitle
