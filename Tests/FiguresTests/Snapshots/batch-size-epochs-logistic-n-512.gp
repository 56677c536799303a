# gdbench figure (batch size): logistic[n=512]: epochs to target against batch size
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: batch-size-epochs-logistic-n-512.dat
# render: gnuplot batch-size-epochs-logistic-n-512.gp  (writes batch-size-epochs-logistic-n-512.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'batch-size-epochs-logistic-n-512.png'
set encoding utf8
set datafile missing '?'
set title 'logistic[n=512]: epochs to target against batch size'
set xlabel 'batch size'
set ylabel 'epochs to target (median)'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#0072B2' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#000000' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set logscale x 2
set format x '%g'
set xrange [12.8:640]
set offsets 0, 0, graph 0.05, graph 0.05
plot 'batch-size-epochs-logistic-n-512.dat' index 0 using 1:2 with linespoints lt 1 title 'adam[lr=0.01]', \
     'batch-size-epochs-logistic-n-512.dat' index 1 using 1:2 with linespoints lt 2 title 'sgd[lr=0.5]'
