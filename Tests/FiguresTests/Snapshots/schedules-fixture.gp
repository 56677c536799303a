# gdbench figure (schedules): learning-rate schedules
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: schedules-fixture.dat
# render: gnuplot schedules-fixture.gp  (writes schedules-fixture.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'schedules-fixture.png'
set encoding utf8
set datafile missing '?'
set title 'learning-rate schedules'
set xlabel 'step (iteration)'
set ylabel 'learning rate η'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#56B4E9' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#000000' lw 2 dt 1 pt 7 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
plot 'schedules-fixture.dat' index 0 using 1:2 with linespoints lt 1 ps 0.5 title 'sgd[lr=0.019,schedule=cosine[t-max=400]]', \
     'schedules-fixture.dat' index 1 using 1:2 with linespoints lt 2 ps 0.5 title 'sgd[lr=0.019,schedule=step[gamma=0.5,step-size=100]]'
